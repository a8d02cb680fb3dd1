import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, singleLoader } from '@sl/core';
import { Application, ApplicationDocument } from './application/application.entity.js';
import { Assessment } from './assessment/assessment.entity.js';
import { InteragencyRequest } from './interagency/interagency-request.entity.js';
import { Recipient } from './recipient/recipient.entity.js';
import { possibleDuplicatesLoader } from './recipient/recipient.loaders.js';

export function createSocialLoaders(em: EntityManager) {
  return {
    recipientById: singleLoader(em, Recipient, 'id'),
    possibleDuplicates: possibleDuplicatesLoader(em),
    applicationsByRecipient: groupedLoader(em, Application, 'recipientId', {
      submittedOn: 'desc',
      createdAt: 'desc',
    }),
    documentsByApplication: groupedLoader(em, ApplicationDocument, 'applicationId', { kind: 'asc' }),
    assessmentsByRecipient: groupedLoader(em, Assessment, 'recipientId', {
      assessedOn: 'desc',
      createdAt: 'desc',
    }),
    interagencyRequestsByRecipient: groupedLoader(em, InteragencyRequest, 'recipientId', {
      sentOn: 'desc',
      createdAt: 'desc',
    }),
  };
}
export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
