import type { EntityManager } from '@mikro-orm/postgresql';
import { indicatorLoader } from '@sl/core';
import { educationFigures } from './education-indicators.service.js';

export function createEducationIndicatorLoaders(em: EntityManager) {
  return {
    figures: indicatorLoader(
      (keys) => educationFigures(em, keys),
      () => ({
        peopleInEducation: 0,
        peopleInGeneralEducation: 0,
        peopleInVocationalEducation: 0,
        peopleInFurtherProfessionalEducation: 0,
        educationProgrammesCompleted: 0,
        pmpkRecommendationsIssued: 0,
        vocationalGuidanceSessions: 0,
      }),
      { em, figure: 'education' },
    ),
  };
}
export type EducationIndicatorLoaders = ReturnType<typeof createEducationIndicatorLoaders>;
