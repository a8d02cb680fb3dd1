import { createHash } from 'node:crypto';
import { agencyIdOf, ManualClock, Role } from '@sl/core';
import { startTestSystem, TEST_PASSWORD, type TestSystem } from '../support/system.js';

const SIGN_IN =
  'mutation ($input: SignInInput!) { signIn(input: $input) { token expiresAt account { login roles } } }';
const ME = '{ me { name kind roles } }';
const PEOPLE = '{ recipients(first: 1) { totalCount } }';
/** API clients belong to an agency of the directory, named by its id. */
const HEALTH_AGENCY = agencyIdOf('kaliningrad', 'Министерство здравоохранения Калининградской области');

describe('accounts, sessions and partner systems', () => {
  let t: TestSystem;
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));

  const signIn = (login: string, password: string) =>
    t.gql<{ signIn: { token: string } }>(SIGN_IN, { input: { login, password } }, { as: 'anonymous' });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15' } });
    await t.tokenFor(Role.ADMIN);
  });
  afterAll(() => t?.stop());

  it('serves nobody’s data without a sign-in, and refuses a forged token', async () => {
    expect((await t.gql(PEOPLE, {}, { as: 'anonymous' })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const forged = await t.gql(
      PEOPLE,
      {},
      { authorization: 'Bearer sls_forgedforgedforgedforgedforgedforged' },
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const garbage = await t.gql(PEOPLE, {}, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(garbage.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('creates an account (administrators only) and signs in with it', async () => {
    const input = {
      login: 'k.sidorova',
      displayName: 'Сидорова К.',
      password: 'correct horse battery',
      roles: ['COORDINATOR'],
    };
    const create =
      'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id login roles } }';
    expect((await t.gql(create, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const short = await t.gql(create, { input: { ...input, password: 'short' } }, { as: Role.ADMIN });
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'password',
    });
    const created = await t.gql(create, { input }, { as: Role.ADMIN });
    expect(created.errors).toBeUndefined();
    const again = await t.gql(create, { input }, { as: Role.ADMIN });
    expect(again.errors?.[0]?.extensions?.code).toBe('LOGIN_TAKEN');
    const session = await signIn('K.Sidorova', 'correct horse battery');
    expect(session.errors).toBeUndefined();
    const me = await t.gql(ME, {}, bearer(session.data!.signIn.token));
    expect(me.data).toEqual({ me: { name: 'k.sidorova', kind: 'user', roles: ['COORDINATOR'] } });
  });

  it('locks an account after repeated failures, then lets it in once the lockout passes', async () => {
    const login = 't-coordinator';
    await t.tokenFor(Role.COORDINATOR);
    for (let i = 0; i < 3; i += 1) {
      expect((await signIn(login, 'wrong password!')).errors?.[0]?.extensions?.code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    // Locked: even the right password is refused until the lockout ends.
    expect((await signIn(login, TEST_PASSWORD)).errors?.[0]?.extensions?.code).toBe('ACCOUNT_LOCKED');
    clock.advanceDays(16 / (24 * 60));
    expect((await signIn(login, TEST_PASSWORD)).errors).toBeUndefined();
    // An unknown login fails the same way as a wrong password.
    expect((await signIn('nobody-here', TEST_PASSWORD)).errors?.[0]?.extensions?.code).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('ends a session when idle too long, at its absolute end, and on sign-out', async () => {
    const token = (await signIn('k.sidorova', 'correct horse battery')).data!.signIn.token;
    clock.advanceDays(20 / (24 * 60));
    expect((await t.gql(ME, {}, bearer(token))).errors).toBeUndefined();
    clock.advanceDays(31 / (24 * 60));
    expect((await t.gql(ME, {}, bearer(token))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const active = (await signIn('k.sidorova', 'correct horse battery')).data!.signIn.token;
    for (let i = 0; i < 25; i += 1) {
      clock.advanceDays(29 / (24 * 60));
      const res = await t.gql(ME, {}, bearer(active));
      if (i < 24) expect(res.errors).toBeUndefined();
      else expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED'); // past 12 hours
    }

    const leaving = (await signIn('k.sidorova', 'correct horse battery')).data!.signIn.token;
    expect((await t.gql('mutation { signOut }', {}, bearer(leaving))).data).toEqual({ signOut: true });
    expect((await t.gql(ME, {}, bearer(leaving))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives a partner system its own credentials, shown once, rotated with a day of overlap, revocable', async () => {
    const created = await t.gql<{ createApiClient: { token: string; client: { id: string } } }>(
      `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id name roles } } }`,
      { input: { name: 'МИС Минздрава', agencyId: HEALTH_AGENCY, roles: ['HEALTH_OFFICER'] } },
      { as: Role.ADMIN },
    );
    expect(created.errors).toBeUndefined();
    const { token, client } = created.data!.createApiClient;
    expect((await t.gql(ME, {}, bearer(token))).data).toEqual({
      me: { name: 'МИС Минздрава', kind: 'client', roles: ['HEALTH_OFFICER'] },
    });
    // Only the hash is stored.
    const stored = await t.system.accessOrm.em
      .getConnection()
      .execute<{ secret_hash: string }[]>('SELECT secret_hash FROM access.api_client WHERE id = ?', [
        client.id,
      ]);
    expect(token).not.toContain(stored[0]!.secret_hash);
    expect(stored[0]!.secret_hash).toBe(createHash('sha256').update(token.split('.')[1]!).digest('hex'));

    const rotated = await t.gql<{ rotateApiClientSecret: { token: string } }>(
      `mutation ($id: ID!) { rotateApiClientSecret(id: $id) { token } }`,
      { id: client.id },
      { as: Role.ADMIN },
    );
    const fresh = rotated.data!.rotateApiClientSecret.token;
    expect((await t.gql(ME, {}, bearer(token))).errors).toBeUndefined(); // the old one, within the day
    clock.advanceDays(1.01);
    expect((await t.gql(ME, {}, bearer(token))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, bearer(fresh))).errors).toBeUndefined();

    await t.gql(
      `mutation ($id: ID!) { revokeApiClient(id: $id) { revokedAt } }`,
      { id: client.id },
      { as: Role.ADMIN },
    );
    expect((await t.gql(ME, {}, bearer(fresh))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const admin = await t.gql(
      `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }`,
      { input: { name: 'Робот-администратор', agencyId: HEALTH_AGENCY, roles: ['ADMIN'] } },
      { as: Role.ADMIN },
    );
    expect(admin.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('holds a client restricted to trusted documents to exactly those', async () => {
    const allowed = '{ me { name } }';
    const hash = createHash('sha256').update(allowed).digest('hex');
    const created = await t.gql<{ createApiClient: { token: string } }>(
      `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }`,
      {
        input: {
          name: 'Портал занятости',
          agencyId: agencyIdOf('kaliningrad', 'Центр занятости населения Калининградской области'),
          roles: ['EMPLOYMENT_OFFICER'],
          allowedOperations: [hash],
        },
      },
      { as: Role.ADMIN },
    );
    const token = created.data!.createApiClient.token;
    expect((await t.gql(allowed, {}, bearer(token))).data).toEqual({ me: { name: 'Портал занятости' } });
    const other = await t.gql(PEOPLE, {}, bearer(token));
    expect(other.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_ALLOWED');
  });
});
