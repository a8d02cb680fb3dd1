import type { EntityManager } from '@mikro-orm/postgresql';
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
      const today = keys[0]!.split('|')[1]!;
      const byDate = await executionByAgency(
        em,
        keys.map((k) => k.split('|')[0]!),
        today,
      );
      return keys.map((k) => byDate.get(k.split('|')[0]!) ?? []);
    }),
    registry: new DataLoader<string, { peopleIdentified: number; councilDecisionsOverdue: number }>(
      async (dates) => {
        const byDate = await registryAndDecisions(em, dates);
        return dates.map((d) => byDate.get(d) ?? { peopleIdentified: 0, councilDecisionsOverdue: 0 });
      },
    ),
    targets: new DataLoader<'all', IndicatorTarget[]>(async (keys) => {
      const targets = await indicatorTargets(em);
      return keys.map(() => targets);
    }),
  };
}
export type IndicatorLoaders = ReturnType<typeof createIndicatorLoaders>;
