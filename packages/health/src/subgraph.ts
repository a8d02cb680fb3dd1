import type { SubgraphDefinition } from '@sl/core';
import { MedicalConclusion } from './conclusion/medical-conclusion.entity.js';
import { Recipient, RecipientHealthResolver } from './conclusion/medical-conclusion.resolver.js';
import { seedHealthDemo } from './demo.js';
import { createHealthLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';

export const healthSubgraph: SubgraphDefinition = {
  name: 'health',
  entities: [MedicalConclusion],
  migrations,
  resolvers: [RecipientHealthResolver],
  orphanedTypes: [Recipient],
  createLoaders: createHealthLoaders,
  seedDemo: seedHealthDemo,
};
