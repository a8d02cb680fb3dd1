import { Role, snilsFromBody } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const CREATE = /* GraphQL */ `
  mutation Register($input: CreateRecipientInput!) { createRecipient(input: $input) { id snils } }
`;
const person = (body: number) => ({
  lastName: 'Повторов',
  firstName: 'Илья',
  birthDate: '1989-02-03',
  sex: 'MALE',
  municipality: 'г. Калуга',
  snils: snilsFromBody(body),
});

/**
 * A partner system that times out retries its request. With an `Idempotency-Key` the retry gets
 * the first answer back and nothing is created twice.
 */
describe('idempotent writes for partner systems that retry', () => {
  let t: TestSystem;
  let authorization: string;
  beforeAll(async () => {
    t = await startTestSystem();
    authorization = `Bearer ${await t.tokenFor(Role.COORDINATOR)}`;
  });
  afterAll(() => t.stop());

  const send = (key: string | null, variables: Record<string, unknown>, auth = authorization) => {
    const req = t.http().post('/graphql').set('authorization', auth);
    if (key !== null) req.set('idempotency-key', key);
    return req.send({ query: CREATE, variables });
  };
  const stored = async (snils: string) => {
    const res = await t.gql<{ recipients: { totalCount: number } }>(
      'query($f: RecipientFilter) { recipients(filter: $f) { totalCount } }',
      { f: { snils } },
    );
    return res.data!.recipients.totalCount;
  };

  it('answers a retry with the first answer and creates the person once', async () => {
    const input = person(411_000_001);
    const first = await send('partner-2026-000001', { input });
    expect(first.body.errors).toBeUndefined();
    const retry = await send('partner-2026-000001', { input });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await stored(input.snils)).toBe(1);
  });

  it('lets exactly one of two copies sent at the same moment run', async () => {
    const input = person(411_000_002);
    const [a, b] = await Promise.all([
      send('partner-2026-000002', { input }),
      send('partner-2026-000002', { input }),
    ]);
    const ran = [a, b].filter((r) => r.body.data?.createRecipient);
    // The other copy was either told to wait or, if the first had already answered, given its answer.
    expect(ran.length).toBeGreaterThanOrEqual(1);
    for (const r of [a, b]) {
      if (r.body.data?.createRecipient) expect(r.body.data.createRecipient.snils).toBe(input.snils);
      else expect(r.body.errors[0].extensions.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    }
    if (ran.length === 2) expect(ran[0]!.body).toEqual(ran[1]!.body);
    expect(await stored(input.snils)).toBe(1);
  });

  it('refuses the same key for a different request and writes nothing', async () => {
    await send('partner-2026-000003', { input: person(411_000_003) });
    const other = person(411_000_004);
    const reused = await send('partner-2026-000003', { input: other });
    expect(reused.status).toBe(422);
    expect(reused.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.errors[0].message).toMatch(/уже использован/);
    expect(await stored(other.snils)).toBe(0);
  });

  it('keeps a refusal too: a retry of a refused request is refused the same way', async () => {
    const bad = { ...person(411_000_005), snils: '123-456-789 00' };
    const first = await send('partner-2026-000005', { input: bad });
    expect(first.body.errors[0].extensions.code).toBe('SNILS_INVALID');
    const retry = await send('partner-2026-000005', { input: bad });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
  });

  it('keeps keys apart per caller, and refuses a malformed key', async () => {
    const input = person(411_000_006);
    await send('shared-key', { input });
    // Another caller's same key is its own: its request runs (and meets the taken СНИЛС).
    const officer = `Bearer ${await t.tokenFor(Role.EMPLOYMENT_OFFICER)}`;
    const foreign = await send('shared-key', { input }, officer);
    expect(foreign.headers['idempotent-replayed']).toBeUndefined();
    expect(foreign.body.errors[0].extensions.code).not.toBe('IDEMPOTENCY_KEY_REUSED');
    const malformed = await send('key with spaces', { input: person(411_000_007) });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(await stored(snilsFromBody(411_000_007))).toBe(0);
  });

  it('does not touch queries or requests without a key', async () => {
    const input = person(411_000_008);
    expect((await send(null, { input })).body.data.createRecipient.snils).toBe(input.snils);
    // Without a key a retry is a new request: the register refuses the second copy on its own.
    expect((await send(null, { input })).body.errors[0].extensions.code).toBe('SNILS_DUPLICATE');
    const query = await t
      .http()
      .post('/graphql')
      .set('authorization', authorization)
      .set('idempotency-key', 'read-1')
      .send({ query: '{ recipients(first: 1) { totalCount } }' });
    expect(query.headers['idempotent-replayed']).toBeUndefined();
    expect(query.body.data.recipients.totalCount).toBeGreaterThan(0);
  });
});
