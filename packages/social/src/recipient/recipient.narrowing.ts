import { raw } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { listNarrowing } from '@sl/core';
import { type SocialContext, todayOf } from '../common/social-context.js';
import { sharedWithSql } from '../consent/consent.shared-with.js';
import { currentProviderOf } from '../deadlines/deadline.sql.js';

/** Matches no provider: a provider account without a provider sees nobody. */
export const NO_PROVIDER = '00000000-0000-0000-0000-000000000000';

/** A condition in SQL over the person a row is about, given as a column or an expression. */
export interface PersonCondition {
  sql: (person: string) => string;
  params: unknown[];
}

/**
 * What keeps a list of people, or of records about people, to those the caller may read
 * (docs/access.md, "What a list reveals"), as `listNarrowing` decides for the roles the list
 * admits: provider staff their provider's people, a ministry officer the people whose consents
 * share them with that ministry today. `sharedAsked`: the caller asked for the shared people only
 * (`sharedWith: ME`), whatever their other roles. Empty for whoever reads everyone (a coordinator).
 */
export function callerNarrowing(
  ctx: SocialContext,
  allowed: readonly string[],
  sharedAsked = false,
): PersonCondition[] {
  const actor = ctx.actor;
  if (!actor) return [];
  const { scopedOnly, sharedOnly } = listNarrowing(actor, allowed);
  const conditions: PersonCondition[] = [];
  if (scopedOnly) {
    conditions.push({
      sql: (person) => `${currentProviderOf(person)} = ?::uuid`,
      params: [actor.providerId ?? NO_PROVIDER],
    });
  }
  const shared = sharedOnly || sharedAsked ? sharedWithSql(actor, todayOf(ctx)) : null;
  if (shared) conditions.push(shared);
  return conditions;
}

/** `callerNarrowing` as ORM conditions on an entity whose row's person is `person(alias)`. */
export function callerNarrowingWhere<T>(
  conditions: readonly PersonCondition[],
  person: (alias: string) => string = (alias) => `${alias}.id`,
): FilterQuery<T>[] {
  return conditions.map((c) => ({ [raw((alias) => c.sql(person(alias)), c.params)]: [] }) as FilterQuery<T>);
}

/** `callerNarrowing` as one SQL condition (`true` when nothing narrows) over `person`. */
export function callerNarrowingSql(
  conditions: readonly PersonCondition[],
  person: string,
): { sql: string; params: unknown[] } {
  if (conditions.length === 0) return { sql: 'true', params: [] };
  return {
    sql: conditions.map((c) => `(${c.sql(person)})`).join(' and '),
    params: conditions.flatMap((c) => c.params),
  };
}

/**
 * Of the given people (a person's namesakes, a unit's occupants), those the caller may see in a
 * list: the same narrowing, answered by the request's batched per-person checks (`inScope`,
 * `sharing`), so every such list of a page is asked together.
 */
export async function visibleToCaller(
  ctx: SocialContext,
  allowed: readonly string[],
  recipientIds: readonly string[],
): Promise<Set<string>> {
  const actor = ctx.actor;
  if (!actor) return new Set(recipientIds);
  const { scopedOnly, sharedOnly } = listNarrowing(actor, allowed);
  if (!scopedOnly && !sharedOnly) return new Set(recipientIds);
  const visible = await Promise.all(
    recipientIds.map(
      async (id) =>
        (!scopedOnly || ((await ctx.inScope?.(id)) ?? false)) &&
        (!sharedOnly || (await ctx.sharing?.(id)) === 'IN_FORCE'),
    ),
  );
  return new Set(recipientIds.filter((_, i) => visible[i]));
}
