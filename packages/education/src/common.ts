import { wrap } from '@mikro-orm/core';
import { localDateOf, type SubgraphContext } from '@sl/core';
import type { EducationLoaders } from './loaders.js';

export type EducationContext = SubgraphContext<EducationLoaders>;

/** "Today" in the region, from the request's clock (tests set it). */
export function todayOf(ctx: Pick<EducationContext, 'clock'>): string {
  return localDateOf(ctx.clock.now());
}

/** A plain JSON copy of an entity for the audit trail. */
export function snapshot(entity: object | null): unknown {
  return entity ? JSON.parse(JSON.stringify(wrap(entity).toPOJO())) : null;
}
