import type { GraphQLFieldResolver } from 'graphql';
import type { BaseContext } from '../context.js';
import { AppError } from '../errors/errors.js';
import { isUuid } from '../validation/uuid.js';

/**
 * The codes by which an access rule refuses an operation (a role, a provider's scope, a person's
 * consent, someone else's case): each refused attempt is recorded as `refused` in the audit log.
 */
export const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'NOT_OWN_PROVIDER',
  'CONSENT_MISSING',
  'CONSENT_WITHDRAWN',
  'NOT_CASE_COORDINATOR',
]);

/**
 * The person a root operation's arguments name: `recipientId` (or `input.recipientId`), or the
 * `id` (or `input.id`) of an operation on a `Recipient`.
 */
export function personNamedBy(args: Record<string, unknown>, returnType: string): string | null {
  const input = (args.input ?? {}) as Record<string, unknown>;
  for (const candidate of [args.recipientId, input.recipientId]) if (isUuid(candidate)) return candidate;
  if (returnType.replace(/[![\]]/g, '') !== 'Recipient') return null;
  for (const candidate of [args.id, input.id]) if (isUuid(candidate)) return candidate;
  return null;
}

/**
 * A root query or mutation, with its refusals recorded: who tried which operation, about whom when
 * the arguments (or the refusing service, `AppError.about`) name the person, and the code. Written
 * with the request's reads, outside the mutation's transaction, so the rollback keeps the record.
 */
export function recordingRefusals<TContext extends BaseContext>(
  resolve: GraphQLFieldResolver<unknown, TContext>,
): GraphQLFieldResolver<unknown, TContext> {
  return async (root, args: Record<string, unknown>, context, info) => {
    try {
      return await resolve(root, args, context, info);
    } catch (error) {
      if (error instanceof AppError && REFUSAL_CODES.has(error.code) && context.actor) {
        context.audit?.refused(
          error.person ?? personNamedBy(args, info.returnType.toString()),
          `${info.parentType.name}.${info.fieldName}`,
          error.code,
        );
      }
      throw error;
    }
  };
}
