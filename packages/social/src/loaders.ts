import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, singleLoader } from '@sl/core';
import { Recipient } from './recipient/recipient.entity.js';
import { ReadinessReview } from './stage/readiness-review.entity.js';
import { Stage } from './stage/stage.entity.js';

export function createSocialLoaders(em: EntityManager) {
  return {
    recipientById: singleLoader(em, Recipient, 'id'),
    stagesByRecipient: groupedLoader(em, Stage, 'recipientId', { startedOn: 'asc', createdAt: 'asc' }),
    reviewsByStage: groupedLoader(em, ReadinessReview, 'stageId', { ordinal: 'asc' }),
  };
}
export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
