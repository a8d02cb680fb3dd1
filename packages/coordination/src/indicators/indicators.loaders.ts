import type { EntityManager } from '@mikro-orm/postgresql';
import { keptFigures } from '@sl/core';
import DataLoader from 'dataloader';
import type { IndicatorTarget } from './indicators.model.js';
import {
  type Execution,
  executionByAgency,
  indicatorTargets,
  type RoadmapScope,
  registryAndDecisions,
} from './indicators.service.js';

/** The key of a scoped figure: `asOf|today|region|roadmapId` (empty parts for "all"). */
export function executionKey(asOf: string, today: string, scope: RoadmapScope): string {
  return [asOf, today, scope.region ?? '', scope.roadmapId ?? ''].join('|');
}

/**
 * One statement per figure group and scope for all the dates a request asks about (a series of 24
 * months costs what one date costs). Execution keys are `executionKey(…)`: today decides which
 * obligations are still judged by their stored status; registry keys are `asOf|region`.
 */
export function createIndicatorLoaders(em: EntityManager) {
  return {
    execution: new DataLoader<string, Execution>(async (keys) => {
      const counts = await keptFigures(em, 'execution', keys, async (missing) => {
        const out = new Map<string, Execution>();
        const byScope = new Map<string, string[]>();
        for (const k of missing) {
          const [, today, region, roadmapId] = k.split('|');
          const scopeKey = `${today}|${region}|${roadmapId}`;
          byScope.set(scopeKey, [...(byScope.get(scopeKey) ?? []), k]);
        }
        for (const [scopeKey, scopeKeys] of byScope) {
          const [today, region, roadmapId] = scopeKey.split('|') as [string, string, string];
          const byDate = await executionByAgency(
            em,
            scopeKeys.map((k) => k.split('|')[0]!),
            today,
            { region: region || null, roadmapId: roadmapId || null },
          );
          for (const k of scopeKeys) out.set(k, byDate.get(k.split('|')[0]!)!);
        }
        return out;
      });
      return keys.map((k) => counts.get(k)!);
    }),
    registry: new DataLoader<string, { peopleIdentified: number; councilDecisionsOverdue: number }>(
      async (keys) => {
        const counts = await keptFigures(em, 'registry', keys, async (missing) => {
          const out = new Map<string, { peopleIdentified: number; councilDecisionsOverdue: number }>();
          const byRegion = new Map<string, string[]>();
          for (const k of missing) {
            const region = k.split('|')[1] ?? '';
            byRegion.set(region, [...(byRegion.get(region) ?? []), k]);
          }
          for (const [region, regionKeys] of byRegion) {
            const byDate = await registryAndDecisions(
              em,
              regionKeys.map((k) => k.split('|')[0]!),
              region || null,
            );
            for (const k of regionKeys) out.set(k, byDate.get(k.split('|')[0]!)!);
          }
          return out;
        });
        return keys.map((k) => counts.get(k) ?? { peopleIdentified: 0, councilDecisionsOverdue: 0 });
      },
    ),
    targets: new DataLoader<'all', IndicatorTarget[]>(async (keys) => {
      const counts = await keptFigures(
        em,
        'targets',
        ['all'],
        async () => new Map([['all', await indicatorTargets(em)]]),
      );
      return keys.map(() => counts.get('all') ?? []);
    }),
  };
}
export type IndicatorLoaders = ReturnType<typeof createIndicatorLoaders>;
