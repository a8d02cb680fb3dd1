import type { EntityManager } from '@mikro-orm/postgresql';
import { indicatorLoader } from '@sl/core';
import type { EmploymentFigures } from './employment-indicators.model.js';
import { employmentFigures } from './employment-indicators.service.js';

export function createEmploymentIndicatorLoaders(em: EntityManager) {
  return {
    figures: indicatorLoader(
      (keys) => employmentFigures(em, keys),
      (): EmploymentFigures => ({
        peopleEmployed: 0,
        peopleInSupportedEmployment: 0,
        peopleOnQuotaJobs: 0,
        vacanciesOpen: 0,
        quotaVacanciesOpen: 0,
        workplacesCreated: 0,
        workplacesEquipped: 0,
        workplacesAboveQuota: 0,
        registeredUnemployed: 0,
        peopleInVocationalTraining: 0,
        vocationalGuidanceGiven: 0,
        selfEmploymentSupported: 0,
      }),
      { em, figure: 'employment' },
    ),
  };
}
export type EmploymentIndicatorLoaders = ReturnType<typeof createEmploymentIndicatorLoaders>;
