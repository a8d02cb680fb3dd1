import { agencyIdOf, Role } from '@sl/core';
import { startTestSystem, TEST_PASSWORD, type TestSystem } from '../support/system.js';

/** Accounts name an agency of the directory by its id. */
const COUNCIL_AGENCY = agencyIdOf(
  'kaliningrad',
  'Совет по делам инвалидов при Губернаторе Калининградской области',
);

// Valid СНИЛС (check numbers computed per the ПФР rule).
const SNILS = '11223344595';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }
`;
const AUDIT = /* GraphQL */ `
  query ($filter: AuditFilter) {
    auditEvents(first: 50, filter: $filter) {
      totalCount
      edges { node { actorName agencyId operation action fields recipient { id fullName } } }
    }
  }
`;

interface AuditNode {
  actorName: string | null;
  agencyId: string | null;
  operation: string | null;
  action: string;
  fields: string[] | null;
  recipient: { id: string; fullName: string | null } | null;
}

describe('the auditor reads people by name, through the graph; the administrator changes accounts', () => {
  let t: TestSystem;
  let recipientId: string;

  beforeAll(async () => {
    t = await startTestSystem();
    const res = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
      input: {
        snils: SNILS,
        lastName: 'Орлова',
        firstName: 'Вера',
        patronymic: 'Ильинична',
        birthDate: '1990-04-02',
        sex: 'FEMALE',
        municipality: 'г. Калуга',
      },
    });
    expect(res.errors).toBeUndefined();
    recipientId = res.data!.createRecipient.id;
    // A coordinator opens the card: a read of her name and СНИЛС, logged.
    const read = await t.gql('query ReadCard($id: ID!) { recipient(id: $id) { lastName snils } }', {
      id: recipientId,
    });
    expect(read.errors).toBeUndefined();
  });
  afterAll(() => t?.stop());

  it('names the person of each line (social’s Recipient.fullName through the reference), filtered by person', async () => {
    const res = await t.gql<{ auditEvents: { edges: { node: AuditNode }[] } }>(
      AUDIT,
      { filter: { recipientId, operation: 'readcard' } },
      { as: Role.AUDITOR },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.auditEvents.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.recipient).toEqual({ id: recipientId, fullName: 'Орлова Вера Ильинична' });
      expect(node.operation).toBe('ReadCard');
    }
    expect(nodes.flatMap((n) => n.fields ?? [])).toEqual(
      expect.arrayContaining(['Recipient.lastName', 'Recipient.snils']),
    );
  });

  it('logs the auditor’s own read of the name: naming a person is a read of personal data', async () => {
    const res = await t.gql<{ auditEvents: { edges: { node: AuditNode }[] } }>(
      AUDIT,
      { filter: { recipientId, actorName: 'AUDITOR' } },
      { as: Role.AUDITOR },
    );
    expect(res.errors).toBeUndefined();
    const fields = res.data!.auditEvents.edges.flatMap((e) => e.node.fields ?? []);
    expect(fields).toContain('Recipient.fullName');
  });

  it('lets the auditor find a person by name, and read nothing else of them', async () => {
    const found = await t.gql<{ peopleByName: { id: string; fullName: string }[] }>(
      '{ peopleByName(name: "орлова вер") { id fullName } }',
      {},
      { as: Role.AUDITOR },
    );
    expect(found.errors).toBeUndefined();
    expect(found.data!.peopleByName).toEqual([{ id: recipientId, fullName: 'Орлова Вера Ильинична' }]);
    // Around the name: the same search asking for the birth date, or the list of people.
    const more = await t.gql(
      '{ peopleByName(name: "Орлова") { id birthDate snils } }',
      {},
      { as: Role.AUDITOR },
    );
    expect(more.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await t.gql('{ recipients(first: 5) { edges { node { id } } } }', {}, { as: Role.AUDITOR });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const short = await t.gql('{ peopleByName(name: "О") { id } }', {}, { as: Role.AUDITOR });
    expect(short.errors?.[0]?.extensions?.code).toBe('NAME_SEARCH_INVALID');
  });

  it('keeps provider staff to their provider’s people in the name search too', async () => {
    const res = await t.gql<{ peopleByName: unknown[] }>(
      '{ peopleByName(name: "Орлова") { id fullName } }',
      {},
      { as: Role.PROVIDER_STAFF },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.peopleByName).toEqual([]);
  });

  it('refuses the log to everyone but auditors, whatever the filter', async () => {
    for (const role of [Role.COORDINATOR, Role.ADMIN, Role.COUNCIL_MEMBER]) {
      const res = await t.gql(AUDIT, { filter: { recipientId } }, { as: role });
      expect({ role, code: res.errors?.[0]?.extensions?.code }).toEqual({ role, code: 'FORBIDDEN' });
    }
  });

  it('filters by period and by the actor’s agency', async () => {
    const future = await t.gql<{ auditEvents: { totalCount: number } }>(
      AUDIT,
      { filter: { recipientId, from: '2999-01-01T00:00:00.000Z' } },
      { as: Role.AUDITOR },
    );
    expect(future.data!.auditEvents.totalCount).toBe(0);
    const agency = await t.gql<{ auditEvents: { totalCount: number } }>(
      AUDIT,
      { filter: { agencyId: 'нет-такого-ведомства' } },
      { as: Role.AUDITOR },
    );
    expect(agency.data!.auditEvents.totalCount).toBe(0);
  });

  describe('updateAccount', () => {
    const UPDATE = /* GraphQL */ `
      mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { id login roles agencyId displayName } }
    `;
    const CREATE_ACCOUNT = /* GraphQL */ `
      mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }
    `;
    let accountId: string;
    let token: string;

    beforeAll(async () => {
      const created = await t.gql<{ createAccount: { id: string } }>(
        CREATE_ACCOUNT,
        {
          input: {
            login: 'secretary-2',
            displayName: 'Секретарь Совета',
            password: TEST_PASSWORD,
            roles: ['COUNCIL_MEMBER'],
          },
        },
        { as: Role.ADMIN },
      );
      expect(created.errors).toBeUndefined();
      accountId = created.data!.createAccount.id;
      const signIn = await t.gql<{ signIn: { token: string } }>(
        'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
        { input: { login: 'secretary-2', password: TEST_PASSWORD } },
        { as: 'anonymous' },
      );
      token = signIn.data!.signIn.token;
    });

    it('changes roles for the account’s very next request, without a new sign-in', async () => {
      const before = await t.gql(
        '{ obligations(first: 1) { totalCount } }',
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(before.errors).toBeUndefined();
      const res = await t.gql<{ updateAccount: { roles: string[]; agencyId: string } }>(
        UPDATE,
        { input: { id: accountId, roles: ['AUDITOR'], agencyId: COUNCIL_AGENCY } },
        { as: Role.ADMIN },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateAccount).toMatchObject({ roles: ['AUDITOR'], agencyId: COUNCIL_AGENCY });
      const after = await t.gql(
        '{ obligations(first: 1) { totalCount } }',
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(after.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const log = await t.gql(
        '{ auditEvents(first: 1) { totalCount } }',
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(log.errors).toBeUndefined();
    });

    it('refuses bad changes on their field, and changes nothing', async () => {
      const none = await t.gql(UPDATE, { input: { id: accountId, roles: [] } }, { as: Role.ADMIN });
      expect(none.errors?.[0]?.extensions?.code).toBeDefined();
      const staff = await t.gql(
        UPDATE,
        { input: { id: accountId, roles: ['PROVIDER_STAFF'] } },
        { as: Role.ADMIN },
      );
      expect(staff.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_REQUIRED', field: 'providerId' });
      const list = await t.gql<{ accounts: { edges: { node: { id: string; roles: string[] } }[] } }>(
        '{ accounts(first: 200) { edges { node { id roles } } } }',
        {},
        { as: Role.ADMIN },
      );
      expect(list.data!.accounts.edges.find((e) => e.node.id === accountId)?.node.roles).toEqual(['AUDITOR']);
    });

    it('is the administrator’s alone, and an administrator cannot take their own administration away', async () => {
      for (const role of [Role.COORDINATOR, Role.AUDITOR]) {
        const res = await t.gql(UPDATE, { input: { id: accountId, roles: ['ADMIN'] } }, { as: role });
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, { as: Role.ADMIN });
      const self = await t.gql(
        UPDATE,
        { input: { id: me.data!.me.id, roles: ['AUDITOR'] } },
        { as: Role.ADMIN },
      );
      expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'CANNOT_DEMOTE_SELF', field: 'roles' });
    });
  });
});
