import type { EntityManager } from '@mikro-orm/postgresql';
import { indicatorLoader } from '@sl/core';
import { healthFigures } from './health-indicators.service.js';

export function createHealthIndicatorLoaders(em: EntityManager) {
  return {
    figures: indicatorLoader(
      (keys) => healthFigures(em, keys),
      () => ({
        medicalConclusionsIssued: 0,
        medicalConclusionsWithContraindications: 0,
        medicalConclusionsValid: 0,
        interagencyRequestsAnsweredByHealth: 0,
        peopleInMedicalRehabilitation: 0,
        mobileTeamVisits: 0,
      }),
      { em, figure: 'health' },
    ),
  };
}
export type HealthIndicatorLoaders = ReturnType<typeof createHealthIndicatorLoaders>;
