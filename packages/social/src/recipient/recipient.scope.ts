import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScopeCheck } from '@sl/core';
import { pgTextArray as pgArray } from '@sl/core';
import { currentProviderOf } from '../deadlines/deadline.sql.js';

/**
 * Provider staff see the people their provider serves now: the provider of the current stage, or
 * of the open service plan — the same rule as the `providerId` filter of `recipients`.
 */
export function recipientScope(em: EntityManager): ScopeCheck {
  return async (actor, recipientIds) => {
    if (!actor.providerId || recipientIds.length === 0) return new Set();
    const rows = await em
      .getConnection()
      .execute<{ id: string }[]>(
        `select r.id from social.recipient r where r.id = any(?::uuid[]) and ${currentProviderOf('r.id')} = ?::uuid`,
        [pgArray(recipientIds), actor.providerId],
      );
    return new Set(rows.map((row) => row.id));
  };
}
