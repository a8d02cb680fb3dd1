import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, singleLoader } from '@sl/core';
import { Employer } from './employer/employer.entity.js';
import { createEmploymentIndicatorLoaders } from './figures/employment-indicators.js';
import { WorkRecommendation } from './ipra/work-recommendation.entity.js';
import { Placement } from './placement/placement.entity.js';
import { EmploymentSupport } from './support/employment-support.entity.js';
import { Vacancy } from './vacancy/vacancy.entity.js';

export function createEmploymentLoaders(em: EntityManager) {
  return {
    indicators: createEmploymentIndicatorLoaders(em),
    placementsByRecipient: groupedLoader(em, Placement, 'recipientId', { startDate: 'desc' }),
    supportsByRecipient: groupedLoader(em, EmploymentSupport, 'recipientId', { startDate: 'desc' }),
    recommendationsByRecipient: groupedLoader(em, WorkRecommendation, 'recipientId', { workKind: 'asc' }),
    employerById: singleLoader(em, Employer, 'id'),
    vacancyById: singleLoader(em, Vacancy, 'id'),
  };
}
export type EmploymentLoaders = ReturnType<typeof createEmploymentLoaders>;
