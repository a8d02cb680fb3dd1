import type { EntityManager } from '@mikro-orm/postgresql';
import { singleLoader } from '@sl/core';
import { NeedRegistryEntry } from './need-registry/need-registry.entity.js';

export function createCoordinationLoaders(em: EntityManager) {
  return { needByRecipient: singleLoader(em, NeedRegistryEntry, 'recipientId') };
}
export type CoordinationLoaders = ReturnType<typeof createCoordinationLoaders>;
