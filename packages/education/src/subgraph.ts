import type { SubgraphDefinition } from '@sl/core';
import { seedEducationDemo } from './demo.js';
import { Enrolment } from './enrolment/enrolment.entity.js';
import { Recipient, RecipientEducationResolver } from './enrolment/enrolment.resolver.js';
import { createEducationLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';

export const educationSubgraph: SubgraphDefinition = {
  name: 'education',
  entities: [Enrolment],
  migrations,
  resolvers: [RecipientEducationResolver],
  orphanedTypes: [Recipient],
  createLoaders: createEducationLoaders,
  seedDemo: seedEducationDemo,
};
