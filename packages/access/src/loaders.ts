import type { EntityManager } from '@mikro-orm/postgresql';
import { singleLoader } from '@sl/core';
import { Account } from './account/account.entity.js';

/** Accounts by id: other subgraphs' references to a colleague (who runs a case). */
export function createAccessLoaders(em: EntityManager) {
  return { accountById: singleLoader(em, Account, 'id') };
}
export type AccessLoaders = ReturnType<typeof createAccessLoaders>;
