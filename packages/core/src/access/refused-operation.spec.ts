import type { GraphQLResolveInfo } from 'graphql';
import { AuditTrail } from '../audit/audit-trail.js';
import type { BaseContext } from '../context.js';
import { AppError, ForbiddenError, ValidationError } from '../errors/errors.js';
import { createLogger } from '../logging/logger.js';
import { personNamedBy, recordingRefusals } from './refused-operation.js';

const PERSON = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function context(signedIn = true): BaseContext {
  return {
    requestId: 'r1',
    actor: signedIn
      ? { kind: 'user', id: 'u1', name: 'attacker', agencyId: null, roles: [], providerId: null }
      : null,
    clock: { now: () => new Date('2026-03-01T10:00:00Z') },
    logger: createLogger('silent'),
    audit: new AuditTrail(),
  };
}

const info = (fieldName: string, returnType = 'Visit!') =>
  ({
    fieldName,
    parentType: { name: 'Mutation' },
    returnType: { toString: () => returnType },
  }) as never as GraphQLResolveInfo;

async function refusalsOf(error: Error, args: Record<string, unknown>, returnType?: string, signedIn = true) {
  const ctx = context(signedIn);
  const resolve = recordingRefusals<BaseContext>(() => Promise.reject(error));
  await expect(resolve(null, args, ctx, info('doIt', returnType))).rejects.toBe(error);
  return [...ctx.audit!.refusals].map(([person, codes]) => [
    person,
    Object.fromEntries([...codes].map(([c, f]) => [c, [...f]])),
  ]);
}

describe('recordingRefusals: every refused root operation is recorded', () => {
  it('records the code, the operation and the person the input names', async () => {
    expect(await refusalsOf(new AppError('OUT_OF_SCOPE', 'нет'), { input: { recipientId: PERSON } })).toEqual(
      [[PERSON, { OUT_OF_SCOPE: ['Mutation.doIt'] }]],
    );
  });

  it('prefers the person the refusing service names, which the caller never sent', async () => {
    const error = new AppError('OUT_OF_SCOPE', 'нет').about(OTHER);
    expect(await refusalsOf(error, { input: { visitId: PERSON } })).toEqual([
      [OTHER, { OUT_OF_SCOPE: ['Mutation.doIt'] }],
    ]);
    expect(error.person).toBe(OTHER);
  });

  it('records a refusal that names nobody without a person', async () => {
    expect(await refusalsOf(new ForbiddenError(), { id: PERSON })).toEqual([
      [null, { FORBIDDEN: ['Mutation.doIt'] }],
    ]);
  });

  it('records nothing for bad input, nor for nobody signed in', async () => {
    expect(await refusalsOf(new ValidationError('плохо', 'x'), { input: { recipientId: PERSON } })).toEqual(
      [],
    );
    expect(await refusalsOf(new ForbiddenError(), {}, 'Visit', false)).toEqual([]);
  });
});

describe('personNamedBy', () => {
  it('reads recipientId at the top or in the input, and the id only of an operation on a person', () => {
    expect(personNamedBy({ recipientId: PERSON }, 'Visit')).toBe(PERSON);
    expect(personNamedBy({ input: { recipientId: PERSON } }, 'Visit')).toBe(PERSON);
    expect(personNamedBy({ input: { id: PERSON } }, 'Recipient!')).toBe(PERSON);
    expect(personNamedBy({ id: PERSON }, '[Recipient!]!')).toBe(PERSON);
    expect(personNamedBy({ input: { id: PERSON } }, 'Visit!')).toBeNull();
    expect(personNamedBy({ recipientId: 'not-a-uuid' }, 'Visit')).toBeNull();
  });
});
