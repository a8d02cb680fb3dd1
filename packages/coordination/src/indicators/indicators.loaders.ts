import type { EntityManager } from '@mikro-orm/postgresql';
import { keptFigures } from '@sl/core';
import DataLoader from 'dataloader';
import type { ExecutionCounts, IndicatorTarget } from './indicators.model.js';
import { executionByAgency, indicatorTargets, registryAndDecisions } from './indicators.service.js';

/**
 * One statement per figure group for all the dates a request asks about (a series of 24 months
 * costs what one date costs). Keys are `asOf|today`: today decides which obligations are still
 * judged by their stored status.
 */
export function createIndicatorLoaders(em: EntityManager) {
  return {
    execution: new DataLoader<string, ExecutionCounts[]>(async (keys) => {
      const counts = await keptFigures(em, 'execution', keys, async (missing) => {
        const today = missing[0]!.split('|')[1]!;
        const byDate = await executionByAgency(
          em,
          missing.map((k) => k.split('|')[0]!),
          today,
        );
        return new Map(missing.map((k) => [k, byDate.get(k.split('|')[0]!) ?? []]));
      });
      return keys.map((k) => counts.get(k) ?? []);
    }),
    registry: new DataLoader<string, { peopleIdentified: number; councilDecisionsOverdue: number }>(
      async (dates) => {
        const counts = await keptFigures(em, 'registry', dates, (missing) =>
          registryAndDecisions(em, missing),
        );
        return dates.map((d) => counts.get(d) ?? { peopleIdentified: 0, councilDecisionsOverdue: 0 });
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
