import type { EntityManager } from '@mikro-orm/postgresql';
import { singleLoader } from '@sl/core';
import { Account } from './account/account.entity.js';
import { recordAuthorsLoader } from './record-write/record-write.service.js';

/**
 * Accounts by id: other subgraphs' references to a colleague (who runs a case); the authors of
 * records' writes (social's timeline) from the audit log.
 */
export function createAccessLoaders(em: EntityManager) {
  return { accountById: singleLoader(em, Account, 'id'), recordAuthors: recordAuthorsLoader(em) };
}
export type AccessLoaders = ReturnType<typeof createAccessLoaders>;
