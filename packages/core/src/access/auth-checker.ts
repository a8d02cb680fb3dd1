import type { AuthChecker } from 'type-graphql';
import type { BaseContext } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors.js';
import { isUuid } from '../validation/uuid.js';

/**
 * The one rule every `@Authorized` field and mutation goes through, in the subgraph that owns the
 * data: a request without an authenticated actor gets UNAUTHENTICATED, an actor without one of the
 * named roles FORBIDDEN. Row scope (a provider's own people, break-the-glass) is the owning
 * service's job, because only it knows whose record a row is.
 */
export const authChecker: AuthChecker<BaseContext> = ({ context, args, info }, roles) => {
  try {
    requireRoles(context, roles);
  } catch (error) {
    // A refused root read is itself recorded (who asked for what, of whom if the arguments name
    // a person), like a refusal of a row rule.
    if (error instanceof ForbiddenError && info.parentType.name === 'Query') {
      context.audit?.refused(
        personNamedBy(args, info.returnType.toString()),
        `Query.${info.fieldName}`,
        error.code,
      );
    }
    throw error;
  }
  return true;
};

/** The person a root query's arguments name: `recipientId`, or the `id` of a `Recipient`. */
function personNamedBy(args: Record<string, unknown>, returnType: string): string | null {
  if (isUuid(args.recipientId)) return args.recipientId;
  if (returnType.replace(/[![\]]/g, '') === 'Recipient' && isUuid(args.id)) return args.id;
  return null;
}

/** `authChecker`'s rule, synchronous: throws UNAUTHENTICATED or FORBIDDEN. */
export function requireRoles(context: BaseContext, roles: readonly string[]): void {
  const actor = context.actor;
  if (!actor) throw new UnauthenticatedError();
  if (roles.length === 0 || actor.roles.some((role) => roles.includes(role))) return;
  throw new ForbiddenError();
}
