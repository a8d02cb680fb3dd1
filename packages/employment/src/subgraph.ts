import type { SubgraphDefinition } from '@sl/core';
import { employmentDemo } from './demo.js';
import { Employer } from './employer/employer.entity.js';
import { EmployerResolver } from './employer/employer.resolver.js';
import { EmploymentIndicators, EmploymentIndicatorsResolver } from './figures/employment-indicators.js';
import { WorkRecommendation } from './ipra/work-recommendation.entity.js';
import { WorkRecommendationResolver } from './ipra/work-recommendation.resolver.js';
import { createEmploymentLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { Placement } from './placement/placement.entity.js';
import { PlacementResolver, Recipient, RecipientEmploymentResolver } from './placement/placement.resolver.js';
import { EmploymentSupport } from './support/employment-support.entity.js';
import { EmploymentSupportResolver } from './support/employment-support.resolver.js';
import { Vacancy } from './vacancy/vacancy.entity.js';
import { VacancyResolver } from './vacancy/vacancy.resolver.js';

export const employmentSubgraph: SubgraphDefinition = {
  name: 'employment',
  entities: [Employer, Vacancy, Placement, WorkRecommendation, EmploymentSupport],
  migrations,
  resolvers: [
    RecipientEmploymentResolver,
    PlacementResolver,
    EmployerResolver,
    VacancyResolver,
    WorkRecommendationResolver,
    EmploymentSupportResolver,
    EmploymentIndicatorsResolver,
  ],
  orphanedTypes: [Recipient, EmploymentIndicators],
  createLoaders: createEmploymentLoaders,
  demo: employmentDemo,
};
