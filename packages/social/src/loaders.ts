import type { EntityManager } from '@mikro-orm/postgresql';
import { singleLoader } from '@sl/core';
import { Recipient } from './recipient/recipient.entity.js';
import { possibleDuplicatesLoader } from './recipient/recipient.loaders.js';

export function createSocialLoaders(em: EntityManager) {
  return {
    recipientById: singleLoader(em, Recipient, 'id'),
    possibleDuplicates: possibleDuplicatesLoader(em),
  };
}
export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
