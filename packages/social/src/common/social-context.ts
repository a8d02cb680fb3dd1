import type { AuditChange, SubgraphContext } from '@sl/core';
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

export function recordChange(ctx: Pick<SocialContext, 'audit'>, change: AuditChange): void {
  ctx.audit?.change(change);
}

// The helpers every subgraph shares live in core; named here so social's files keep one import.
export { snapshot, todayOf } from '@sl/core';
