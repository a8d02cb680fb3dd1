import type { Actor } from './actor.js';
import { Role } from './roles.js';

/** Roles that see only the people their organisation serves, not everyone their role could. */
const SCOPED_ROLES: readonly string[] = [Role.PROVIDER_STAFF];

/**
 * The actor's roles that a field or operation admits. Row rules apply role by role (docs/access.md,
 * "Role combinations"): a role the field does not admit never widens what another role sees.
 */
export function admittedRoles(actor: Actor, allowed?: readonly string[]): string[] {
  return allowed ? actor.roles.filter((role) => allowed.includes(role)) : actor.roles;
}

/** Whether this role sees only the people its organisation serves. */
export function isScopedRole(role: string): boolean {
  return SCOPED_ROLES.includes(role);
}

/**
 * True when every role of the actor that the field (or list) admits is scoped: an unscoped role the
 * field admits (a coordinator) sees all, but an unrelated one (a Council member's) widens nothing.
 */
export function isScoped(actor: Actor, allowed?: readonly string[]): boolean {
  const roles = admittedRoles(actor, allowed);
  return roles.length > 0 && roles.every(isScopedRole);
}

/** True when some role of the actor is scoped: its row rule needs the scope check. */
export function hasScopedRole(actor: Actor): boolean {
  return actor.roles.some(isScopedRole);
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

/** The ministry whose officer this role is, if it is an officer's role. */
export function ministryOfRole(role: string): Ministry | undefined {
  return MINISTRY_OF_ROLE[role];
}

/**
 * The ministries whose officer the actor is, through the roles the field admits (all roles when not
 * given): the authorised body shares a person's data with an officer only under the person's
 * consent. A coordinator role (the data's own controller) is not bound; row rules are applied role
 * by role, so the officer's rule still binds what the officer role alone would read.
 */
export function consentBoundMinistries(actor: Actor, allowed?: readonly string[]): Ministry[] {
  return [
    ...new Set(
      admittedRoles(actor, allowed)
        .map(ministryOfRole)
        .filter((m): m is Ministry => m !== undefined),
    ),
  ];
}

/**
 * How a list of people is narrowed for the actor, so its ids and totals reveal nobody the actor
 * may not read: to the people shared with an officer's ministry, to a provider's own people, or
 * (an account that predates the role-combination rule and holds both) to both at once. A role the
 * list admits that reads without either rule (a coordinator) lists everyone, as it would alone.
 */
export function listNarrowing(
  actor: Actor,
  allowed?: readonly string[],
): { sharedOnly: boolean; scopedOnly: boolean } {
  const roles = admittedRoles(actor, allowed);
  const officer = (role: string) => ministryOfRole(role) !== undefined;
  const unrestricted = roles.some((role) => !officer(role) && !isScopedRole(role));
  return {
    sharedOnly: !unrestricted && roles.some(officer),
    scopedOnly: !unrestricted && roles.some(isScopedRole),
  };
}

/** Whether the person's consents let the authorised body share their data with this actor now. */
export type SharingState = 'IN_FORCE' | 'WITHDRAWN' | 'MISSING';

/** Each person's sharing state for a consent-bound actor, from the consent owner's own tables. */
export type SharingCheck = (
  actor: Actor,
  recipientIds: readonly string[],
) => Promise<Map<string, SharingState>>;
