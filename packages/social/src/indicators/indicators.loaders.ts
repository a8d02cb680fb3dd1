import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  type AssessmentFigures,
  applicationFigures,
  assessmentFigures,
  housingFigures,
  type IndicatorKey,
  keyOf,
  peopleByStage,
} from './indicators.service.js';

/** One loader per statement: however many dates and scopes a request asks, each runs once. */
function figureLoader<T>(
  em: EntityManager,
  load: (em: EntityManager, keys: readonly IndicatorKey[]) => Promise<Map<string, T>>,
  empty: () => T,
) {
  return new DataLoader<IndicatorKey, T, string>(
    async (keys) => {
      const byKey = await load(em, keys);
      return keys.map((k) => byKey.get(keyOf(k)) ?? empty());
    },
    { cacheKeyFn: keyOf },
  );
}

export function createSocialIndicatorLoaders(em: EntityManager) {
  return {
    applications: figureLoader(em, applicationFigures, () => ({
      submitted: 0,
      decided: 0,
      decidedOnTime: 0,
      shareDecidedOnTime: null,
      pending: 0,
      pendingOverdue: 0,
    })),
    stages: figureLoader(em, peopleByStage, () => []),
    assessments: figureLoader(
      em,
      assessmentFigures,
      (): AssessmentFigures => ({ byDegree: [], byServiceType: [], reassessmentsOverdue: 0 }),
    ),
    housing: figureLoader(em, housingFigures, () => []),
  };
}
export type SocialIndicatorLoaders = ReturnType<typeof createSocialIndicatorLoaders>;
