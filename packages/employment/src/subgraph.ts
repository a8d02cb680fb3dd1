import type { SubgraphDefinition } from '@sl/core';
import { seedEmploymentDemo } from './demo.js';
import { createEmploymentLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { Placement } from './placement/placement.entity.js';
import { Recipient, RecipientEmploymentResolver } from './placement/placement.resolver.js';

export const employmentSubgraph: SubgraphDefinition = {
  name: 'employment',
  entities: [Placement],
  migrations,
  resolvers: [RecipientEmploymentResolver],
  orphanedTypes: [Recipient],
  createLoaders: createEmploymentLoaders,
  seedDemo: seedEmploymentDemo,
};
