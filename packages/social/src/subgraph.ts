import type { SubgraphDefinition } from '@sl/core';
import { Application, ApplicationDocument } from './application/application.entity.js';
import { ApplicationResolver, RecipientApplicationsResolver } from './application/application.resolver.js';
import { Assessment } from './assessment/assessment.entity.js';
import { AssessmentResolver, RecipientAssessmentsResolver } from './assessment/assessment.resolver.js';
import { DeadlineResolver } from './deadlines/deadline.resolver.js';
import { seedSocialDemo } from './demo.js';
import { InteragencyRequest } from './interagency/interagency-request.entity.js';
import {
  InteragencyRequestResolver,
  RecipientInteragencyResolver,
} from './interagency/interagency-request.resolver.js';
import { createSocialLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { Recipient } from './recipient/recipient.entity.js';
import { recipientReference } from './recipient/recipient.reference.js';
import { RecipientResolver } from './recipient/recipient.resolver.js';

export const socialSubgraph: SubgraphDefinition = {
  name: 'social',
  entities: [Recipient, Application, ApplicationDocument, Assessment, InteragencyRequest],
  migrations,
  resolvers: [
    RecipientResolver,
    ApplicationResolver,
    RecipientApplicationsResolver,
    AssessmentResolver,
    RecipientAssessmentsResolver,
    InteragencyRequestResolver,
    RecipientInteragencyResolver,
    DeadlineResolver,
  ],
  referenceResolvers: { Recipient: recipientReference },
  createLoaders: createSocialLoaders,
  seedDemo: seedSocialDemo,
};
