import { Role, snilsFromBody } from '@sl/core';
import pg from 'pg';
import { until } from '../support/browser.js';
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

  /** As the database's owner, to make the database fail where a test needs it to. */
  const asOwner = async (text: string) => {
    const owner = new pg.Client({ connectionString: t.database.url });
    await owner.connect();
    try {
      await owner.query(text);
    } finally {
      await owner.end();
    }
  };

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

  it('compares bodies as JSON: another spacing of the query or order of the variables is the same request', async () => {
    const input = person(411_000_009);
    const first = await send('partner-2026-000009', { input });
    expect(first.body.errors).toBeUndefined();
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    const respaced = await t
      .http()
      .post('/graphql')
      .set('authorization', authorization)
      .set('idempotency-key', 'partner-2026-000009')
      .set('content-type', 'application/json')
      .send(`{ "variables" : { "input" : ${JSON.stringify(reordered, null, 2)} },
        "query": ${JSON.stringify(CREATE.replace(/\s+/g, '\n   ').replace('{', ',{'))} }`);
    expect(respaced.headers['idempotent-replayed']).toBe('true');
    expect(respaced.body).toEqual(first.body);
    expect(await stored(input.snils)).toBe(1);
  });

  // Issue 18: a retry after a database failure used to get 409 for five minutes.
  it('frees a key whose answer the database failed to keep within seconds, saying when to retry', async () => {
    const input = person(411_000_010);
    await asOwner(`
      create function access.fail_answer() returns trigger language plpgsql as $$
      begin
        if new.status is not null then raise exception 'the database failed to keep the answer'; end if;
        return new;
      end $$;
      create trigger fail_answer before update on access.idempotent_request
        for each row execute function access.fail_answer();`);
    let dropped = false;
    try {
      const first = await send('partner-2026-000010', { input });
      expect(first.body.data.createRecipient.snils).toBe(input.snils);
      const retry = await send('partner-2026-000010', { input });
      expect(retry.status).toBe(409);
      expect(retry.body.errors[0].extensions.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(Number(retry.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(retry.headers['retry-after'])).toBeLessThanOrEqual(5);
      await asOwner(
        'drop trigger fail_answer on access.idempotent_request; drop function access.fail_answer();',
      );
      dropped = true;
      // Within the lease (5 s) and some slack for a loaded machine, the retry runs again; the
      // register's own uniqueness refuses the second copy, and nothing is created twice.
      let last: Awaited<ReturnType<typeof send>> | null = null;
      await until(async () => {
        last = await send('partner-2026-000010', { input });
        return last.status !== 409;
      }, 15_000);
      expect(last!.body.errors[0].extensions.code).toBe('SNILS_DUPLICATE');
      expect(await stored(input.snils)).toBe(1);
    } finally {
      if (!dropped) {
        await asOwner(
          'drop trigger if exists fail_answer on access.idempotent_request; drop function if exists access.fail_answer();',
        );
      }
    }
  });
});
