import type { Actor } from '../context.js';
import { Role } from './roles.js';

/** Roles that see only the people their organisation serves, not everyone their role could. */
const SCOPED_ROLES: readonly string[] = [Role.PROVIDER_STAFF];

/** True when every role of the actor is scoped: one unscoped role (a coordinator) sees all. */
export function isScoped(actor: Actor): boolean {
  return actor.roles.length > 0 && actor.roles.every((role) => SCOPED_ROLES.includes(role));
}

/**
 * Which of the given people the (scoped) actor may see — e.g. for provider staff, the people their
 * provider serves. Each subgraph that holds people's data answers it from its own tables.
 */
export type ScopeCheck = (actor: Actor, recipientIds: readonly string[]) => Promise<Set<string>>;
