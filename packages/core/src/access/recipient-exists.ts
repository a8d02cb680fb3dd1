import { type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import { AppError, RecipientNotFoundError, ValidationError } from '../errors/errors.js';
import { isUuid } from '../validation/uuid.js';
import { consentBoundMinistries } from './scope.js';

const EXISTS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Recipient { id } } }`;

/**
 * Refuses a write about a person who is not registered with RECIPIENT_NOT_FOUND, asking social (the
 * owner of `Recipient`) through the graph as the same caller — never reading social's tables. So no
 * ministry attaches a record to nobody.
 */
export async function requireRecipient(ctx: SubgraphContext, recipientId: string): Promise<void> {
  await recipientFromSocial(ctx, recipientId, EXISTS);
}

/** The person as social serves them to this caller through the graph; RECIPIENT_NOT_FOUND when not registered. */
async function recipientFromSocial<T extends { id?: string }>(
  ctx: SubgraphContext,
  recipientId: string,
  query: string,
): Promise<T> {
  if (!isUuid(recipientId)) {
    throw new ValidationError('Неверный идентификатор получателя', 'recipientId');
  }
  const found = await ctx.peer<{ _entities: (T | null)[] }>('social', query, {
    r: [{ __typename: 'Recipient', id: recipientId }],
  });
  const person = found._entities[0];
  if (person?.id !== recipientId) throw new RecipientNotFoundError(recipientId);
  return person;
}

/** Runs `check` on the person a mutation's `input.recipientId` names, before the mutation writes. */
function onInputRecipient(
  check: (ctx: SubgraphContext, recipientId: string) => Promise<void>,
): MethodDecorator {
  const middleware: MiddlewareFn<SubgraphContext> = async ({ args, context }, next) => {
    const recipientId = (args.input as { recipientId?: unknown } | undefined)?.recipientId;
    await check(context, typeof recipientId === 'string' ? recipientId : '');
    return next();
  };
  return UseMiddleware(middleware);
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
export const AboutRegisteredRecipient = (): MethodDecorator => onInputRecipient(requireRecipient);

const SHARING = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Recipient { id sharingWithCaller } } }`;

const WRITE_REFUSALS: Record<'WITHDRAWN' | 'MISSING', () => AppError> = {
  WITHDRAWN: () =>
    new AppError(
      'CONSENT_WITHDRAWN',
      'Человек отозвал согласие на передачу его сведений вашему ведомству: записывать сведения о нём нельзя.',
      { field: 'recipientId' },
    ),
  MISSING: () =>
    new AppError(
      'CONSENT_MISSING',
      'Нет согласия человека на передачу его сведений вашему ведомству: записывать сведения о нём нельзя, пока уполномоченный орган не запишет согласие.',
      { field: 'recipientId' },
    ),
};

/**
 * A ministry writes about a person only while the person's consents let the ministry have their
 * data (issue 23, "a ministry's queue"): the same rule as its reads, asked of social (the owner of
 * the consents) through the graph as the writing officer. The one exception is answering the
 * authorised body's interagency request about the person, which is its own legal ground (001 §4):
 * that mutation keeps `AboutRegisteredRecipient`.
 */
export async function requireSharingForWrite(ctx: SubgraphContext, recipientId: string): Promise<void> {
  if (!ctx.actor || consentBoundMinistries(ctx.actor).length === 0) return requireRecipient(ctx, recipientId);
  const person = await recipientFromSocial<{ id?: string; sharingWithCaller?: string }>(
    ctx,
    recipientId,
    SHARING,
  );
  if (person.sharingWithCaller === 'WITHDRAWN' || person.sharingWithCaller === 'MISSING')
    throw WRITE_REFUSALS[person.sharingWithCaller]().about(recipientId);
}

/**
 * On a ministry's mutation whose `input` names a person: registered, and consenting to share with
 * the writer's ministry (`requireSharingForWrite`), before anything is written.
 */
export const AboutConsentingRecipient = (): MethodDecorator => onInputRecipient(requireSharingForWrite);
