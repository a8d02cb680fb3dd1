import type { SubgraphDefinition } from '@sl/core';
import { seedCoordinationDemo } from './demo.js';
import { createCoordinationLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { NeedRegistryEntry } from './need-registry/need-registry.entity.js';
import { Recipient, RecipientCoordinationResolver } from './need-registry/need-registry.resolver.js';

export const coordinationSubgraph: SubgraphDefinition = {
  name: 'coordination',
  entities: [NeedRegistryEntry],
  migrations,
  resolvers: [RecipientCoordinationResolver],
  orphanedTypes: [Recipient],
  createLoaders: createCoordinationLoaders,
  seedDemo: seedCoordinationDemo,
};
