import { Role, snilsFromBody } from '@sl/core';
import pg from 'pg';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 18, the edges: a list's ids and totals reveal nobody a role may not read; refused root
 * reads and the auditor's reads are in the log; minors are not registered; provider staff stay
 * within their own provider's staff.
 */
const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);
const CREATE_PERSON = `mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const PLAN = `mutation ($input: CreateServicePlanInput!) { createServicePlan(input: $input) { id } }`;
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`;
const WITHDRAW = `mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`;
const LIST = `query ($f: RecipientFilter) { recipients(filter: $f, first: 50) { totalCount edges { node { id } } } }`;
const MUNICIPALITY = 'г. Краевой';

describe('security: counts, ids, refused reads, minors, staff', () => {
  let t: TestSystem;
  let owner: pg.Pool;
  let providerA: string;
  let providerB: string;
  let seq = 0;
  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await owner.query(text, params)).rows as T[];
  const staffOf = (providerId: string) => ({ as: { role: Role.PROVIDER_STAFF, providerId } });

  async function person(birthDate = '1985-06-07'): Promise<string> {
    seq += 1;
    const res = await t.gql<{ createRecipient: { id: string } }>(CREATE_PERSON, {
      input: {
        snils: snilsFromBody(930_000_000 + seq),
        lastName: 'Краевая',
        firstName: 'Мария',
        birthDate,
        sex: 'FEMALE',
        municipality: MUNICIPALITY,
      },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createRecipient.id;
  }
  const listed = async (as: Parameters<TestSystem['gql']>[2]) => {
    const res = await t.gql<{ recipients: { totalCount: number; edges: { node: { id: string } }[] } }>(
      LIST,
      { f: { municipality: MUNICIPALITY } },
      as,
    );
    expect(res.errors).toBeUndefined();
    return {
      total: res.data!.recipients.totalCount,
      ids: res.data!.recipients.edges.map((e) => e.node.id).sort(),
    };
  };

  beforeAll(async () => {
    t = await startTestSystem({ env: { REGION: 'murmansk' } });
    owner = new pg.Pool({ connectionString: t.database.url, max: 1 });
    const providers = await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
      '{ providers(first: 2) { edges { node { id } } } }',
    );
    [providerA, providerB] = providers.data!.providers.edges.map((e) => e.node.id) as [string, string];
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    await t?.stop();
  });

  describe('counts and ids reveal nobody a role may not read', () => {
    let served: string;
    let consenting: string;
    let withdrawn: string;
    let never: string;

    beforeAll(async () => {
      [served, consenting, withdrawn, never] = [
        await person(),
        await person(),
        await person(),
        await person(),
      ];
      const plan = await t.gql(PLAN, {
        input: { recipientId: served, providerId: providerA, hoursPerWeek: 6 },
      });
      expect(plan.errors).toBeUndefined();
      for (const id of [consenting, withdrawn]) {
        for (const consent of [{ kind: 'PERSONAL_DATA' }, { kind: 'SHARING', sharedWith: 'HEALTH' }]) {
          const res = await t.gql(GIVE, { input: { recipientId: id, givenOn: '2026-01-10', ...consent } });
          expect(res.errors).toBeUndefined();
        }
      }
      const res = await t.gql(WITHDRAW, {
        input: { recipientId: withdrawn, kind: 'SHARING', sharedWith: 'HEALTH', withdrawnOn: '2026-02-01' },
      });
      expect(res.errors).toBeUndefined();
    });

    it('gives provider staff the total and ids of their own provider’s people only', async () => {
      expect(await listed(staffOf(providerA))).toEqual({ total: 1, ids: [served] });
      expect(await listed(staffOf(providerB))).toEqual({ total: 0, ids: [] });
      // Asking for another provider's people by filter changes nothing.
      const asked = await t.gql<{ recipients: { totalCount: number } }>(
        LIST,
        { f: { municipality: MUNICIPALITY, providerId: providerA } },
        staffOf(providerB),
      );
      expect(asked.data?.recipients.totalCount ?? 0).toBe(0);
    });

    it('gives a ministry officer, after a withdrawal or without consent, no id or count of the person', async () => {
      expect(await listed({ as: Role.HEALTH_OFFICER })).toEqual({ total: 1, ids: [consenting] });
      // A coordinator, whom consent does not bind, still lists everyone; so does a coordinator who
      // is also an officer (row rules apply role by role, and neither role alone is narrowed).
      const all = [served, consenting, withdrawn, never].sort();
      expect(await listed({ as: Role.COORDINATOR })).toEqual({ total: 4, ids: all });
    });
  });

  describe('refused reads and the auditor’s reads are recorded', () => {
    it('records a refused root read naming a person, and one naming nobody', async () => {
      const target = await person();
      const card = await t.gql(
        'query ($id: ID!) { recipient(id: $id) { id } }',
        { id: target },
        {
          as: Role.COUNCIL_MEMBER,
        },
      );
      expect(codes(card)).toEqual(['FORBIDDEN']);
      const log = await t.gql('{ auditEvents(first: 1) { totalCount } }', {}, { as: Role.COUNCIL_MEMBER });
      expect(codes(log)).toEqual(['FORBIDDEN']);
      const refusals = await sql<{ recipient_id: string | null; fields: string[]; entity: string }>(
        `select recipient_id, fields, entity from access.audit_event
          where action = 'refused' and actor_name = 't-council-member' order by id`,
      );
      expect(refusals).toEqual([
        { recipient_id: target, fields: ['Query.recipient'], entity: 'FORBIDDEN' },
        { recipient_id: null, fields: ['Query.auditEvents'], entity: 'FORBIDDEN' },
      ]);
    });

    it('records an id-only list read per person, and the auditor’s own reading of the log', async () => {
      const target = await person();
      await t.gql(LIST, { f: { snils: snilsFromBody(930_000_000 + seq) } }, { as: Role.COORDINATOR });
      const reads = await sql<{ fields: string[] }>(
        `select fields from access.audit_event where action = 'read' and recipient_id = $1 and actor_name = 't-coordinator'`,
        [target],
      );
      expect(reads.map((r) => r.fields)).toContainEqual(expect.arrayContaining(['Recipient.id']));
      const read = await t.gql('{ auditEvents(first: 3) { totalCount } }', {}, { as: Role.AUDITOR });
      expect(read.errors).toBeUndefined();
      const own = await sql<{ n: string }>(
        `select count(*) n from access.audit_event where action = 'security' and entity = 'AUDIT_LOG_READ' and actor_name = 't-auditor'`,
      );
      expect(Number(own[0]!.n)).toBeGreaterThanOrEqual(1);
    });
  });

  // seed 001 §2, seed 002 §1: supported living is organised for disabled people over 18.
  describe('minors are not registered', () => {
    it('refuses a birth date under 18 at registration and at a correction, and writes nothing', async () => {
      const today = new Date();
      const seventeen = `${today.getUTCFullYear() - 17}-01-01`;
      const created = await t.gql(CREATE_PERSON, {
        input: {
          snils: snilsFromBody(931_000_001),
          lastName: 'Юная',
          firstName: 'Ольга',
          birthDate: seventeen,
          sex: 'FEMALE',
          municipality: MUNICIPALITY,
        },
      });
      expect(created.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ADULT', field: 'birthDate' });
      expect(created.errors?.[0]?.message).toMatch(/старше 18 лет/);
      expect(await sql(`select 1 from social.recipient where snils = $1`, ['93100000101'])).toEqual([]);
      const adult = await person();
      const { version } = (
        await t.gql<{ recipient: { version: number } }>(
          'query ($id: ID!) { recipient(id: $id) { version } }',
          {
            id: adult,
          },
        )
      ).data!.recipient;
      const corrected = await t.gql(
        'mutation ($input: UpdateRecipientInput!) { updateRecipient(input: $input) { birthDate } }',
        { input: { id: adult, version, birthDate: seventeen } },
      );
      expect(codes(corrected)).toEqual(['NOT_ADULT']);
      const [row] = await sql<{ birth_date: string }>(
        `select birth_date::text from social.recipient where id = $1`,
        [adult],
      );
      expect(row!.birth_date).toBe('1985-06-07');
    });
  });

  describe('provider staff stay within their own provider', () => {
    it('cannot create staff for another provider, nor list or count its staff', async () => {
      const CREATE_STAFF = `mutation ($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }`;
      const theirs = await t.gql(CREATE_STAFF, {
        input: { fullName: 'Работник Б', role: 'SOCIAL_WORKER', providerId: providerB },
      });
      expect(theirs.errors).toBeUndefined();
      const forged = await t.gql(
        CREATE_STAFF,
        { input: { fullName: 'Подставной Работник', role: 'SOCIAL_WORKER', providerId: providerB } },
        staffOf(providerA),
      );
      expect(codes(forged)).toEqual(['NOT_OWN_PROVIDER']);
      expect(await sql(`select 1 from social.staff_member where full_name = 'Подставной Работник'`)).toEqual(
        [],
      );
      const list = await t.gql<{
        staffMembers: { totalCount: number; edges: { node: { fullName: string } }[] };
      }>(
        'query ($p: ID) { staffMembers(providerId: $p, first: 100) { totalCount edges { node { fullName } } } }',
        { p: providerB },
        staffOf(providerA),
      );
      expect(list.errors).toBeUndefined();
      expect(list.data!.staffMembers.edges.map((e) => e.node.fullName)).not.toContain('Работник Б');
      const own = await t.gql<{ staffMembers: { totalCount: number } }>(
        'query ($p: ID) { staffMembers(providerId: $p, first: 100) { totalCount } }',
        { p: providerA },
        staffOf(providerA),
      );
      expect(list.data!.staffMembers.totalCount).toBe(own.data!.staffMembers.totalCount);
    });
  });
});
