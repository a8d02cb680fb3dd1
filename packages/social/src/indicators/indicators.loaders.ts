import type { EntityManager } from '@mikro-orm/postgresql';
import { indicatorLoader } from '@sl/core';
import {
  type AssessmentFigures,
  applicationFigures,
  assessmentFigures,
  housingFigures,
  type IndicatorKey,
  peopleByStage,
} from './indicators.service.js';

/**
 * One loader per statement: however many dates and scopes a request asks, each runs once, and only
 * for the keys whose data changed since the subgraph last counted them.
 */
function figureLoader<T>(
  em: EntityManager,
  figure: string,
  load: (em: EntityManager, keys: readonly IndicatorKey[]) => Promise<Map<string, T>>,
  empty: () => T,
) {
  return indicatorLoader((keys) => load(em, keys), empty, { em, figure });
}

export function createSocialIndicatorLoaders(em: EntityManager) {
  return {
    applications: figureLoader(em, 'applications', applicationFigures, () => ({
      submitted: 0,
      decided: 0,
      decidedOnTime: 0,
      shareDecidedOnTime: null,
      pending: 0,
      pendingOverdue: 0,
    })),
    stages: figureLoader(em, 'stages', peopleByStage, () => []),
    assessments: figureLoader(
      em,
      'assessments',
      assessmentFigures,
      (): AssessmentFigures => ({ byDegree: [], byServiceType: [], reassessmentsOverdue: 0 }),
    ),
    housing: figureLoader(em, 'housing', housingFigures, () => []),
  };
}
export type SocialIndicatorLoaders = ReturnType<typeof createSocialIndicatorLoaders>;
