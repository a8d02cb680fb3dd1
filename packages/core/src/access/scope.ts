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

/** The ministry an officer works for, as a sharing consent names it. */
export enum Ministry {
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  EMPLOYMENT = 'EMPLOYMENT',
}

const MINISTRY_OF_ROLE: Readonly<Record<string, Ministry>> = {
  [Role.HEALTH_OFFICER]: Ministry.HEALTH,
  [Role.EDUCATION_OFFICER]: Ministry.EDUCATION,
  [Role.EMPLOYMENT_OFFICER]: Ministry.EMPLOYMENT,
};

/**
 * The ministries whose officer the actor is, when every role of theirs is a ministry officer's: the
 * authorised body shares a person's data with them only under the person's consent. Empty for a
 * coordinator (the data's own controller) or anyone with another role.
 */
export function consentBoundMinistries(actor: Actor): Ministry[] {
  if (actor.roles.length === 0 || !actor.roles.every((role) => role in MINISTRY_OF_ROLE)) return [];
  return [...new Set(actor.roles.map((role) => MINISTRY_OF_ROLE[role]!))];
}

/** Whether the person's consents let the authorised body share their data with this actor now. */
export type SharingState = 'IN_FORCE' | 'WITHDRAWN' | 'MISSING';

/** Each person's sharing state for a consent-bound actor, from the consent owner's own tables. */
export type SharingCheck = (
  actor: Actor,
  recipientIds: readonly string[],
) => Promise<Map<string, SharingState>>;
