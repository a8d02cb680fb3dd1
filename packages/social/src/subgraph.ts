import type { SubgraphDefinition } from '@sl/core';
import { seedSocialDemo } from './demo.js';
import { createSocialLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { Recipient } from './recipient/recipient.entity.js';
import { recipientReference } from './recipient/recipient.reference.js';
import { RecipientResolver } from './recipient/recipient.resolver.js';
import { ReadinessReview } from './stage/readiness-review.entity.js';
import { Stage } from './stage/stage.entity.js';
import {
  ReadinessReviewDueResolver,
  RecipientStagesResolver,
  StageResolver,
} from './stage/stage.resolver.js';
import { Termination } from './termination/termination.entity.js';
import { TerminationResolver } from './termination/termination.resolver.js';

export const socialSubgraph: SubgraphDefinition = {
  name: 'social',
  entities: [Recipient, Stage, ReadinessReview, Termination],
  migrations,
  resolvers: [
    RecipientResolver,
    RecipientStagesResolver,
    StageResolver,
    ReadinessReviewDueResolver,
    TerminationResolver,
  ],
  referenceResolvers: { Recipient: recipientReference },
  createLoaders: createSocialLoaders,
  seedDemo: seedSocialDemo,
};
