import type { SubgraphDefinition } from '@sl/core';
import { educationDemo } from './demo.js';
import { Enrolment } from './enrolment/enrolment.entity.js';
import { EnrolmentResolver, Recipient, RecipientEducationResolver } from './enrolment/enrolment.resolver.js';
import { EducationIndicators, EducationIndicatorsResolver } from './figures/education-indicators.js';
import { GuidanceSession } from './guidance/guidance-session.entity.js';
import { createEducationLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { PmpkRecommendation } from './pmpk/pmpk-recommendation.entity.js';

export const educationSubgraph: SubgraphDefinition = {
  name: 'education',
  entities: [Enrolment, PmpkRecommendation, GuidanceSession],
  migrations,
  resolvers: [RecipientEducationResolver, EnrolmentResolver, EducationIndicatorsResolver],
  orphanedTypes: [Recipient, EducationIndicators],
  createLoaders: createEducationLoaders,
  demo: educationDemo,
};
