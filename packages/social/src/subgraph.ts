import type { SubgraphDefinition } from '@sl/core';
import { seedSocialDemo } from './demo.js';
import { createSocialLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { Recipient } from './recipient/recipient.entity.js';
import { recipientReference } from './recipient/recipient.reference.js';
import { RecipientResolver } from './recipient/recipient.resolver.js';

export const socialSubgraph: SubgraphDefinition = {
  name: 'social',
  entities: [Recipient],
  migrations,
  resolvers: [RecipientResolver],
  referenceResolvers: { Recipient: recipientReference },
  createLoaders: createSocialLoaders,
  seedDemo: seedSocialDemo,
};
