import { Role } from '@sl/core';
import pg from 'pg';
import { type GraphQLResponse, startTestSystem, TEST_PASSWORD, type TestSystem } from '../support/system.js';

/** Issue 18, "Passwords": a change of one's own, an administrator's reset that forces a change, a policy. */
const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);
const SIGN_IN =
  'mutation ($input: SignInInput!) { signIn(input: $input) { token account { id mustChangePassword } } }';
const CREATE =
  'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id login mustChangePassword } }';
const CHANGE =
  'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { id mustChangePassword } }';
const RESET =
  'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { id mustChangePassword } }';
const ME = '{ me { id mustChangePassword } }';
const PEOPLE = '{ recipients(first: 1) { totalCount } }';
const STRONG = 'Сирень у реки 42';
const TEMPORARY = 'Временный пароль 7391';

describe('passwords', () => {
  let t: TestSystem;
  let owner: pg.Pool;
  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await owner.query(text, params)).rows as T[];
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const signIn = (login: string, password: string) =>
    t.gql<{ signIn: { token: string; account: { id: string; mustChangePassword: boolean } } }>(
      SIGN_IN,
      { input: { login, password } },
      { as: 'anonymous' },
    );
  const events = async (accountId: string) =>
    (
      await sql<{ entity: string }>(
        `select entity from access.audit_event where action = 'security' and entity_id = $1 and entity like 'PASSWORD%' order by id`,
        [accountId],
      )
    ).map((e) => e.entity);

  let accountSeq = 0;
  async function account(): Promise<{ id: string; login: string }> {
    accountSeq += 1;
    const login = `pw-user-${accountSeq}`;
    const res = await t.gql<{ createAccount: { id: string } }>(
      CREATE,
      {
        input: {
          login,
          displayName: `Проверка ${accountSeq}`,
          password: TEST_PASSWORD,
          roles: ['COORDINATOR'],
        },
      },
      { as: Role.ADMIN },
    );
    expect(res.errors).toBeUndefined();
    return { id: res.data!.createAccount.id, login };
  }

  beforeAll(async () => {
    t = await startTestSystem();
    owner = new pg.Pool({ connectionString: t.database.url, max: 1 });
  });
  afterAll(async () => {
    await owner?.end();
    await t?.stop();
  });

  describe('the policy', () => {
    it.each([
      ['blank', '              ', 'blank'],
      ['one repeated character', 'zzzzzzzzzzzz', 'simpleRepeat'],
      ['a common password', 'qwerty123456', 'common'],
      ['the login itself', 'pw-policy-user-2026', 'userInputs'],
    ])(
      'refuses %s at createAccount with PASSWORD_TOO_WEAK on the field, and creates nothing',
      async (_, password, reason) => {
        const res = await t.gql(
          CREATE,
          { input: { login: 'pw-policy-user', displayName: 'Политика', password, roles: ['COORDINATOR'] } },
          { as: Role.ADMIN },
        );
        expect(res.errors?.[0]?.extensions).toMatchObject({
          code: 'PASSWORD_TOO_WEAK',
          field: 'password',
          reason,
        });
        expect(res.errors?.[0]?.message).toMatch(/[А-Яа-я]/);
        expect(await sql(`select 1 from access.account where login = 'pw-policy-user'`)).toEqual([]);
      },
    );
  });

  describe('a change of one’s own password', () => {
    it('needs the right current password, refuses a weak or unchanged new one, then ends the other sessions', async () => {
      const { id, login } = await account();
      const first = (await signIn(login, TEST_PASSWORD)).data!.signIn.token;
      const second = (await signIn(login, TEST_PASSWORD)).data!.signIn.token;

      const wrong = await t.gql(
        CHANGE,
        { input: { currentPassword: 'not-my-password-1', newPassword: STRONG } },
        bearer(first),
      );
      expect(wrong.errors?.[0]?.extensions).toMatchObject({
        code: 'WRONG_CURRENT_PASSWORD',
        field: 'currentPassword',
      });
      const weak = await t.gql(
        CHANGE,
        { input: { currentPassword: TEST_PASSWORD, newPassword: 'password2026' } },
        bearer(first),
      );
      expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'PASSWORD_TOO_WEAK', field: 'newPassword' });
      const same = await t.gql(
        CHANGE,
        { input: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } },
        bearer(first),
      );
      expect(codes(same)).toEqual(['PASSWORD_UNCHANGED']);
      expect((await signIn(login, TEST_PASSWORD)).errors).toBeUndefined();

      const changed = await t.gql(
        CHANGE,
        { input: { currentPassword: TEST_PASSWORD, newPassword: STRONG } },
        bearer(first),
      );
      expect(changed.errors).toBeUndefined();
      // The session that changed it goes on; the other one, and the old password, are finished.
      expect((await t.gql(PEOPLE, {}, bearer(first))).errors).toBeUndefined();
      expect(codes(await t.gql(PEOPLE, {}, bearer(second)))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await signIn(login, TEST_PASSWORD))).toEqual(['INVALID_CREDENTIALS']);
      expect((await signIn(login, STRONG)).errors).toBeUndefined();
      expect(await events(id)).toEqual(['PASSWORD_CHANGED']);
    });

    it('counts wrong current passwords towards the lockout, so an open session cannot guess it', async () => {
      const { login } = await account();
      const token = (await signIn(login, TEST_PASSWORD)).data!.signIn.token;
      const guesses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.gql(
            CHANGE,
            { input: { currentPassword: `guess-number-${i}`, newPassword: STRONG } },
            bearer(token),
          ),
        ),
      );
      const outcomes = guesses.map((r) => codes(r)[0]);
      expect(outcomes.filter((c) => c === 'WRONG_CURRENT_PASSWORD')).toHaveLength(5); // LOGIN_MAX_FAILURES
      expect(outcomes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(3);
      expect(codes(await signIn(login, TEST_PASSWORD))).toEqual(['ACCOUNT_LOCKED']);
    });

    it('is refused to an API client and to nobody signed in', async () => {
      const anonymous = await t.gql(
        CHANGE,
        { input: { currentPassword: TEST_PASSWORD, newPassword: STRONG } },
        { as: 'anonymous' },
      );
      expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('an administrator’s reset', () => {
    it('is for administrators only, not for one’s own account, and applies the policy', async () => {
      const { id } = await account();
      const coordinator = await t.gql(
        RESET,
        { input: { id, newPassword: TEMPORARY } },
        { as: Role.COORDINATOR },
      );
      expect(codes(coordinator)).toEqual(['FORBIDDEN']);
      const weak = await t.gql(RESET, { input: { id, newPassword: 'aaaaaaaaaaaaaa' } }, { as: Role.ADMIN });
      expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'PASSWORD_TOO_WEAK', field: 'newPassword' });
      const adminId = (await t.gql<{ me: { id: string } }>(ME, {}, { as: Role.ADMIN })).data!.me.id;
      const self = await t.gql(RESET, { input: { id: adminId, newPassword: TEMPORARY } }, { as: Role.ADMIN });
      expect(codes(self)).toEqual(['CANNOT_RESET_SELF']);
      expect(await events(id)).toEqual([]);
    });

    it('ends the sessions; the temporary password opens a session that may only change it', async () => {
      const { id, login } = await account();
      const before = (await signIn(login, TEST_PASSWORD)).data!.signIn.token;
      const reset = await t.gql<{ resetPassword: { mustChangePassword: boolean } }>(
        RESET,
        { input: { id, newPassword: TEMPORARY } },
        { as: Role.ADMIN },
      );
      expect(reset.data?.resetPassword.mustChangePassword).toBe(true);
      expect(codes(await t.gql(PEOPLE, {}, bearer(before)))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await signIn(login, TEST_PASSWORD))).toEqual(['INVALID_CREDENTIALS']);

      const session = await signIn(login, TEMPORARY);
      expect(session.data?.signIn.account.mustChangePassword).toBe(true);
      const token = session.data!.signIn.token;
      const me = await t.gql<{ me: { mustChangePassword: boolean } }>(ME, {}, bearer(token));
      expect(me.data?.me.mustChangePassword).toBe(true);
      // Anything else, read or write, alone or beside an allowed field, is refused before it runs.
      for (const query of [
        PEOPLE,
        `{ me { id } recipients(first: 1) { totalCount } }`,
        'mutation { breakGlass(recipientId: "00000000-0000-4000-8000-000000000001", reason: "Срочно нужен доступ") { id } }',
      ]) {
        const res = await t.http().post('/graphql').set('authorization', `Bearer ${token}`).send({ query });
        expect(res.status).toBe(403);
        expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
          'PASSWORD_CHANGE_REQUIRED',
        ]);
        expect(res.body.data ?? null).toBeNull();
      }
      const exported = await t
        .http()
        .get('/audit/export?from=2026-01-01&to=2026-12-31')
        .set('authorization', `Bearer ${token}`);
      expect(exported.status).toBe(403);

      const weak = await t.gql(
        CHANGE,
        { input: { currentPassword: TEMPORARY, newPassword: '111111111111' } },
        bearer(token),
      );
      expect(codes(weak)).toEqual(['PASSWORD_TOO_WEAK']);
      const changed = await t.gql(
        CHANGE,
        { input: { currentPassword: TEMPORARY, newPassword: STRONG } },
        bearer(token),
      );
      expect(changed.data).toEqual({ changePassword: { id, mustChangePassword: false } });
      expect((await t.gql(PEOPLE, {}, bearer(token))).errors).toBeUndefined();
      expect(await events(id)).toEqual(['PASSWORD_RESET', 'PASSWORD_CHANGED']);
    });

    it('lifts a lockout, since the user was given a new password', async () => {
      const { id, login } = await account();
      for (let i = 0; i < 5; i += 1) await signIn(login, `wrong-password-${i}`);
      expect(codes(await signIn(login, TEST_PASSWORD))).toEqual(['ACCOUNT_LOCKED']);
      expect(
        (await t.gql(RESET, { input: { id, newPassword: TEMPORARY } }, { as: Role.ADMIN })).errors,
      ).toBeUndefined();
      expect((await signIn(login, TEMPORARY)).errors).toBeUndefined();
    });
  });
});
