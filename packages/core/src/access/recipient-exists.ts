import { type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import { RecipientNotFoundError, ValidationError } from '../errors/errors.js';
import { isUuid } from '../validation/uuid.js';

const EXISTS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Recipient { id } } }`;

/**
 * Refuses a write about a person who is not registered with RECIPIENT_NOT_FOUND, asking social (the
 * owner of `Recipient`) through the graph as the same caller — never reading social's tables. So no
 * ministry attaches a record to nobody.
 */
export async function requireRecipient(ctx: SubgraphContext, recipientId: string): Promise<void> {
  if (!isUuid(recipientId)) {
    throw new ValidationError('Неверный идентификатор получателя', 'recipientId');
  }
  const found = await ctx.peer<{ _entities: ({ id?: string } | null)[] }>('social', EXISTS, {
    r: [{ __typename: 'Recipient', id: recipientId }],
  });
  if (found._entities[0]?.id !== recipientId) throw new RecipientNotFoundError(recipientId);
}

/**
 * Every person of a list must be registered (one request to social for all of them), else
 * RECIPIENT_NOT_FOUND on `field` naming the first one missing.
 */
export async function requireRecipients(
  ctx: SubgraphContext,
  recipientIds: readonly string[],
  field: string,
): Promise<void> {
  const ids = [...new Set(recipientIds)];
  if (ids.length === 0) return;
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined) throw new ValidationError('Неверный идентификатор получателя', field);
  const found = await ctx.peer<{ _entities: ({ id?: string } | null)[] }>('social', EXISTS, {
    r: ids.map((id) => ({ __typename: 'Recipient', id })),
  });
  const known = new Set(found._entities.map((e) => e?.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw new RecipientNotFoundError(missing, field);
}

/**
 * On a mutation whose `input` names a person (`input.recipientId`): the person must be registered
 * (`requireRecipient`) before anything is written.
 */
export function AboutRegisteredRecipient(): MethodDecorator {
  const check: MiddlewareFn<SubgraphContext> = async ({ args, context }, next) => {
    const recipientId = (args.input as { recipientId?: unknown } | undefined)?.recipientId;
    await requireRecipient(context, typeof recipientId === 'string' ? recipientId : '');
    return next();
  };
  return UseMiddleware(check);
}
