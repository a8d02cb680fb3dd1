import type { AuthChecker } from 'type-graphql';
import type { BaseContext } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors.js';

/**
 * The one rule every `@Authorized` field and mutation goes through, in the subgraph that owns the
 * data: a request without an authenticated actor gets UNAUTHENTICATED, an actor without one of the
 * named roles FORBIDDEN. Row scope (a provider's own people, break-the-glass) is the owning
 * service's job, because only it knows whose record a row is. A refused root query or mutation is
 * recorded by `recordingRefusals`, which every subgraph's root fields go through.
 */
export const authChecker: AuthChecker<BaseContext> = ({ context }, roles) => {
  requireRoles(context, roles);
  return true;
};

/** `authChecker`'s rule, synchronous: throws UNAUTHENTICATED or FORBIDDEN. */
export function requireRoles(context: BaseContext, roles: readonly string[]): void {
  const actor = context.actor;
  if (!actor) throw new UnauthenticatedError();
  if (roles.length === 0 || actor.roles.some((role) => roles.includes(role))) return;
  throw new ForbiddenError();
}
