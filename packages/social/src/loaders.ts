import type { EntityManager } from '@mikro-orm/postgresql';
import { singleLoader } from '@sl/core';
import { Recipient } from './recipient/recipient.entity.js';

export function createSocialLoaders(em: EntityManager) {
  return { recipientById: singleLoader(em, Recipient, 'id') };
}
export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
