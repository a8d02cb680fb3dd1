import { wrap } from '@mikro-orm/core';

/** A plain JSON copy of an entity for the audit trail. */
export function snapshot(entity: object | null): unknown {
  return entity ? JSON.parse(JSON.stringify(wrap(entity).toPOJO())) : null;
}
