import { wrap } from '@mikro-orm/core';
import { type AuditChange, localDateOf, type SubgraphContext } from '@sl/core';
import type { SocialLoaders } from '../loaders.js';
import { RuleSet } from '../rules/rule-set.js';

export type SocialContext = SubgraphContext<SocialLoaders>;

const ruleSets = new Map<string, RuleSet>();

/** The configured region's rule set; parsed once per region (it is immutable data). */
export function rulesOf(ctx: Pick<SocialContext, 'region'>): RuleSet {
  let rules = ruleSets.get(ctx.region);
  if (!rules) {
    rules = RuleSet.for(ctx.region);
    ruleSets.set(ctx.region, rules);
  }
  return rules;
}

/** "Today" in the region, from the request's clock (tests set it). */
export function todayOf(ctx: Pick<SocialContext, 'clock'>): string {
  return localDateOf(ctx.clock.now());
}

/** A plain JSON copy of an entity for the audit trail. */
export function snapshot(entity: object | null): unknown {
  return entity ? JSON.parse(JSON.stringify(wrap(entity).toPOJO())) : null;
}

export function recordChange(ctx: Pick<SocialContext, 'audit'>, change: AuditChange): void {
  ctx.audit?.change(change);
}
