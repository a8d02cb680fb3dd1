import type { SubgraphDefinition } from '@sl/core';
import { seedEducationDemo } from './demo.js';
import { Enrolment } from './enrolment/enrolment.entity.js';
import { EnrolmentResolver, Recipient, RecipientEducationResolver } from './enrolment/enrolment.resolver.js';
import { EducationFiguresResolver } from './figures/education-figures.resolver.js';
import { GuidanceSession } from './guidance/guidance-session.entity.js';
import { createEducationLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { PmpkRecommendation } from './pmpk/pmpk-recommendation.entity.js';

export const educationSubgraph: SubgraphDefinition = {
  name: 'education',
  entities: [Enrolment, PmpkRecommendation, GuidanceSession],
  migrations,
  resolvers: [RecipientEducationResolver, EnrolmentResolver, EducationFiguresResolver],
  orphanedTypes: [Recipient],
  createLoaders: createEducationLoaders,
  seedDemo: seedEducationDemo,
};
