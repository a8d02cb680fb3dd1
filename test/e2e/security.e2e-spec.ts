import { createHmac } from 'node:crypto';
import { AccountService, hashPassword } from '@sl/access';
import {
  ACTOR_HEADER,
  type Actor,
  agencyIdOf,
  createLogger,
  EXCLUSIVE_ROLES,
  loadConfig,
  Role,
  type RunningSubgraphService,
  sessionSecret,
  signActorAssertion,
  snilsFromBody,
  startSubgraphService,
  testConfig,
} from '@sl/core';
import { startSystem, subgraphDefinitions } from '@sl/gateway';
import pg from 'pg';
import request from 'supertest';
import { shareWith } from '../support/consent.js';
import { type GraphQLResponse, startTestSystem, TEST_PASSWORD, type TestSystem } from '../support/system.js';

/**
 * Issue 18: each finding tried as an attacker holding an account would, through the gateway and
 * against a subgraph served alone, asserting the refusal's code and that nothing was returned or
 * written.
 */
const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);

const CREATE_PERSON = `mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const PLAN = `mutation ($input: CreateServicePlanInput!) { createServicePlan(input: $input) { id } }`;
const CARD = `query ($id: ID!) { recipient(id: $id) { id snils lastName address } }`;
const ASSIGN = `mutation ($input: AssignCaseCoordinatorInput!) { assignCaseCoordinator(input: $input) { id } }`;
const HEALTH = `query ($id: ID!) { recipient(id: $id) { id medicalConclusions { conditions } } }`;

describe('security: the access holes of issue 18 stay closed', () => {
  let t: TestSystem;
  let providerA: string;
  let providerB: string;
  let snilsIndex = 0;
  let owner: pg.Pool;
  /** As the database's owner: the subgraphs' own roles may not read across schemas. */
  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await owner.query(text, params)).rows as T[];
  const staffOf = (providerId: string) => ({ as: { role: Role.PROVIDER_STAFF, providerId } });
  const idOf = async (as: Parameters<TestSystem['gql']>[2] = {}) =>
    (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, as)).data!.me.id;

  async function person(lastName: string): Promise<string> {
    const res = await t.gql<{ createRecipient: { id: string } }>(CREATE_PERSON, {
      input: {
        snils: snilsFromBody(900_000_000 + snilsIndex++),
        lastName,
        firstName: 'Ирина',
        birthDate: '1980-03-04',
        sex: 'FEMALE',
        municipality: 'г. Калуга',
        address: 'г. Калуга, ул. Тайная, д. 1',
      },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createRecipient.id;
  }

  beforeAll(async () => {
    // Murmansk's rule set brings its registry of providers (seed 002, appendix 2).
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

  describe('1. a provider’s scope comes only from the authorised body', () => {
    it('refuses provider staff a plan for a person outside their scope, and their record stays closed', async () => {
      const target = await person('Чужая');
      const plan = await t.gql(
        PLAN,
        { input: { recipientId: target, providerId: providerA, hoursPerWeek: 4 } },
        staffOf(providerA),
      );
      expect(codes(plan)).toEqual(['OUT_OF_SCOPE']);
      expect(plan.data?.createServicePlan ?? null).toBeNull();
      const plans = await sql<{ n: string }>(
        'select count(*) n from social.service_plan where recipient_id = $1',
        [target],
      );
      expect(plans[0]!.n).toBe('0');
      const card = await t.gql<{ recipient: { snils: string | null } | null }>(
        CARD,
        { id: target },
        staffOf(providerA),
      );
      expect(codes(card)).toContain('OUT_OF_SCOPE');
      expect(JSON.stringify(card.data)).not.toContain('Тайная');
      // Nor another provider's plan, nor a visit, nor a route.
      const foreign = await t.gql(
        PLAN,
        { input: { recipientId: target, providerId: providerB, hoursPerWeek: 4 } },
        staffOf(providerA),
      );
      expect(codes(foreign)).toEqual(['NOT_OWN_PROVIDER']);
      const route = await t.gql(
        `mutation ($input: CreateRehabilitationRouteInput!) { createRehabilitationRoute(input: $input) { id } }`,
        { input: { recipientId: target, providerId: providerA, goals: [] } },
        staffOf(providerA),
      );
      expect(codes(route)).toContain('OUT_OF_SCOPE');
    });

    it('opens the person to the provider the coordinator’s plan names, and to no other', async () => {
      const target = await person('Назначенная');
      const granted = await t.gql(PLAN, {
        input: { recipientId: target, providerId: providerA, hoursPerWeek: 6 },
      });
      expect(granted.errors).toBeUndefined();
      const own = await t.gql<{ recipient: { snils: string } }>(CARD, { id: target }, staffOf(providerA));
      expect(own.errors).toBeUndefined();
      expect(own.data!.recipient.snils).toBeTruthy();
      const other = await t.gql(CARD, { id: target }, staffOf(providerB));
      expect(codes(other)).toContain('OUT_OF_SCOPE');
      // In scope, the provider runs the plan it was given: closing it is theirs to do.
      const closed = await t.gql(
        `mutation ($input: CloseServicePlanInput!) { closeServicePlan(input: $input) { id } }`,
        { input: { recipientId: target } },
        staffOf(providerB),
      );
      expect(codes(closed)).toEqual(['OUT_OF_SCOPE']);
    });

    it('keeps provider staff to their own provider’s staff list', async () => {
      const created = await t.gql(
        `mutation ($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }`,
        { input: { fullName: 'Подставной Сотрудник', role: 'SOCIAL_WORKER', providerId: providerB } },
        staffOf(providerA),
      );
      expect(codes(created)).toEqual(['NOT_OWN_PROVIDER']);
      const ofB = await t.gql(
        `mutation ($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }`,
        { input: { fullName: 'Сотрудник Б', role: 'SOCIAL_WORKER', providerId: providerB } },
      );
      expect(ofB.errors).toBeUndefined();
      const list = await t.gql<{ staffMembers: { edges: { node: { fullName: string } }[] } }>(
        `query ($p: ID) { staffMembers(providerId: $p, first: 100) { edges { node { fullName } } } }`,
        { p: providerB },
        staffOf(providerA),
      );
      expect(list.errors).toBeUndefined();
      expect(list.data!.staffMembers.edges.map((e) => e.node.fullName)).not.toContain('Сотрудник Б');
    });
  });

  describe('2. a case is handed over only by its coordinator or an administrator', () => {
    let target: string;
    let ownerId: string;
    let otherId: string;
    const other = { as: { role: Role.COORDINATOR, agencyId: 'Отдел-2' } };

    beforeAll(async () => {
      target = await person('Передаваемая');
      // Health writes about a person only under their consent to share with health (issue 23).
      await shareWith(t, target, ['HEALTH']);
      const conclusion = await t.gql(
        `mutation ($input: RecordMedicalConclusionInput!) { recordMedicalConclusion(input: $input) { id } }`,
        {
          input: {
            recipientId: target,
            issuedOn: '2026-01-15',
            contraindicationsPresent: true,
            conditions: ['F20.0'],
            organisation: 'ГБУЗ «Областная больница»',
          },
        },
        { as: Role.HEALTH_OFFICER },
      );
      expect(conclusion.errors).toBeUndefined();
      ownerId = await idOf();
      otherId = await idOf(other);
    });

    const coordinatorOf = async () =>
      (
        await sql<{ case_coordinator_id: string | null }>(
          'select case_coordinator_id from social.recipient where id = $1',
          [target],
        )
      )[0]!.case_coordinator_id;

    it('refuses another coordinator taking the case over, records the attempt, and keeps health closed', async () => {
      const taken = await t.gql(ASSIGN, { input: { recipientId: target, accountId: otherId } }, other);
      expect(codes(taken)).toEqual(['NOT_CASE_COORDINATOR']);
      expect(await coordinatorOf()).toBe(ownerId);
      const health = await t.gql(HEALTH, { id: target }, other);
      expect(codes(health)).toContain('NOT_CASE_COORDINATOR');
      expect(JSON.stringify(health.data)).not.toContain('F20.0');
      const attempts = await sql<{ actor_id: string; after: { refused: string } }>(
        `select actor_id, after from access.audit_event where action = 'security' and entity = 'CASE_HANDOVER_REFUSED' and recipient_id = $1`,
        [target],
      );
      expect(attempts).toEqual([
        { actor_id: otherId, after: { caseCoordinatorId: otherId, refused: 'NOT_CASE_COORDINATOR' } },
      ]);
    });

    it('refuses a handover to an unknown id, an auditor or a deactivated coordinator', async () => {
      const auditorId = await idOf({ as: Role.AUDITOR });
      const leaving = { as: { role: Role.COORDINATOR, agencyId: 'Уволен' } };
      const leavingId = await idOf(leaving);
      const off = await t.gql(
        `mutation ($id: ID!) { setAccountActive(id: $id, active: false) { active } }`,
        { id: leavingId },
        { as: Role.ADMIN },
      );
      expect(off.errors).toBeUndefined();
      for (const accountId of ['00000000-0000-4000-8000-000000000001', auditorId, leavingId]) {
        const res = await t.gql(ASSIGN, { input: { recipientId: target, accountId } });
        expect(codes(res)).toEqual(['NOT_A_COORDINATOR']);
      }
      expect(await coordinatorOf()).toBe(ownerId);
    });

    it('refuses anyone else: officers, provider staff, the Council, the auditor', async () => {
      for (const role of [Role.HEALTH_OFFICER, Role.PROVIDER_STAFF, Role.COUNCIL_MEMBER, Role.AUDITOR]) {
        const res = await t.gql(ASSIGN, { input: { recipientId: target, accountId: otherId } }, { as: role });
        expect(codes(res)).toEqual(['FORBIDDEN']);
      }
      expect(await coordinatorOf()).toBe(ownerId);
    });

    it('hands over by the case’s coordinator as an audited security event, and by an administrator back', async () => {
      const moved = await t.gql(ASSIGN, { input: { recipientId: target, accountId: otherId } });
      expect(moved.errors).toBeUndefined();
      expect(await coordinatorOf()).toBe(otherId);
      expect(codes(await t.gql(HEALTH, { id: target }))).toContain('NOT_CASE_COORDINATOR');
      expect((await t.gql(HEALTH, { id: target }, other)).errors).toBeUndefined();
      const back = await t.gql(
        ASSIGN,
        { input: { recipientId: target, accountId: ownerId } },
        { as: Role.ADMIN },
      );
      expect(back.errors).toBeUndefined();
      const events = await sql<{ before: unknown; after: unknown }>(
        `select before, after from access.audit_event where action = 'security' and entity = 'CASE_HANDOVER' and recipient_id = $1 order by id`,
        [target],
      );
      expect(events).toEqual([
        { before: { caseCoordinatorId: ownerId }, after: { caseCoordinatorId: otherId } },
        { before: { caseCoordinatorId: otherId }, after: { caseCoordinatorId: ownerId } },
      ]);
    });
  });

  describe('3. role combinations: refused where they may not combine, never wider than one role alone', () => {
    const ROLES = Object.values(Role);
    const PAIRS = ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b] as const));
    const ON_PERSON: Record<string, string> = {
      identity: 'lastName',
      contact: 'address',
      health: 'medicalConclusions { conditions }',
      education: 'enrolments { programme }',
      employment: 'placements { position }',
      case: 'applications { id }',
      consent: 'consents { kind }',
      service: 'servicePlans { hoursPerWeek }',
      coordinators: 'caseCoordinatorIds',
    };
    const ROOT: Record<string, string> = {
      accounts: '{ accounts(first: 1) { __typename } }',
      audit: '{ auditEvents(first: 1) { __typename } }',
      apiClients: '{ apiClients(first: 1) { __typename } }',
      council: '{ councilMeetings(first: 1) { __typename } }',
    };
    const LIST = '{ recipients(first: 200) { edges { node { id } } } }';
    let people: string[];

    /** What the bearer of `authorization` gets from every probe: the data, or the refusal's codes. */
    async function probe(
      authorization: string,
    ): Promise<{ cells: Map<string, string>; listed: Set<string> }> {
      const cells = new Map<string, string>();
      const outcome = (res: GraphQLResponse<unknown>) =>
        res.errors ? `refused ${[...new Set(codes(res))].sort().join(',')}` : JSON.stringify(res.data);
      for (const id of people) {
        for (const [name, selection] of Object.entries(ON_PERSON)) {
          const res = await t.gql(
            `query ($id: ID!) { recipient(id: $id) { ${selection} } }`,
            { id },
            { authorization },
          );
          cells.set(`${name} of ${id}`, outcome(res));
        }
      }
      for (const [name, query] of Object.entries(ROOT))
        cells.set(name, outcome(await t.gql(query, {}, { authorization })));
      const list = await t.gql<{ recipients: { edges: { node: { id: string } }[] } }>(
        LIST,
        {},
        { authorization },
      );
      return { cells, listed: new Set(list.data?.recipients.edges.map((e) => e.node.id) ?? []) };
    }

    async function signIn(login: string): Promise<string> {
      const res = await t.gql<{ signIn: { token: string } }>(
        'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
        { input: { login, password: TEST_PASSWORD } },
        { as: 'anonymous' },
      );
      expect(res.errors).toBeUndefined();
      return `Bearer ${res.data!.signIn.token}`;
    }

    beforeAll(async () => {
      // One person of the coordinator's, sharing with health only, with a medical conclusion; one
      // served by provider A under the coordinator's plan.
      const own = await person('Парная');
      for (const input of [{ kind: 'PERSONAL_DATA' }, { kind: 'SHARING', sharedWith: 'HEALTH' }]) {
        const given = await t.gql(
          'mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }',
          { input: { ...input, recipientId: own, givenOn: '2026-01-01' } },
        );
        expect(given.errors).toBeUndefined();
      }
      const conclusion = await t.gql(
        'mutation ($input: RecordMedicalConclusionInput!) { recordMedicalConclusion(input: $input) { id } }',
        {
          input: {
            recipientId: own,
            issuedOn: '2026-01-15',
            contraindicationsPresent: true,
            conditions: ['G80'],
            organisation: 'ГБУЗ «Областная больница»',
          },
        },
        { as: Role.HEALTH_OFFICER },
      );
      expect(conclusion.errors).toBeUndefined();
      const served = await person('Обслуживаемая');
      const plan = await t.gql(PLAN, {
        input: { recipientId: served, providerId: providerA, hoursPerWeek: 5 },
      });
      expect(plan.errors).toBeUndefined();
      people = [own, served];
    });

    it('refuses every pair with an administrator, auditor or provider staff at account creation; takes the others', async () => {
      for (const [a, b] of PAIRS) {
        const login = `pair-${a}-${b}`.toLowerCase().replaceAll('_', '-');
        const res = await t.gql(
          'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id roles } }',
          {
            input: {
              login,
              displayName: `Пара ${a} ${b}`,
              password: TEST_PASSWORD,
              roles: [a, b],
              ...(a === Role.PROVIDER_STAFF || b === Role.PROVIDER_STAFF ? { providerId: providerA } : {}),
            },
          },
          { as: Role.ADMIN },
        );
        const exclusive = EXCLUSIVE_ROLES.includes(a) || EXCLUSIVE_ROLES.includes(b);
        expect([`${a}+${b}`, codes(res)]).toEqual([
          `${a}+${b}`,
          exclusive ? ['ROLE_COMBINATION_FORBIDDEN'] : [],
        ]);
        const rows = await sql<{ n: string }>('select count(*) n from access.account where login = $1', [
          login,
        ]);
        expect(rows[0]!.n).toBe(exclusive ? '0' : '1');
      }
      // Nor by changing the roles of an existing account, nor for a partner system.
      const single = await sql<{ id: string }>(
        `select id from access.account where login = 'pair-coordinator-council-member'`,
      );
      const changed = await t.gql(
        'mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { roles } }',
        { input: { id: single[0]!.id, roles: [Role.COORDINATOR, Role.AUDITOR] } },
        { as: Role.ADMIN },
      );
      expect(codes(changed)).toEqual(['ROLE_COMBINATION_FORBIDDEN']);
      const client = await t.gql(
        'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }',
        {
          input: {
            name: 'Смешанная система',
            agencyId: agencyIdOf('kaliningrad', 'Министерство здравоохранения Калининградской области'),
            roles: [Role.HEALTH_OFFICER, Role.PROVIDER_STAFF],
          },
        },
        { as: Role.ADMIN },
      );
      expect(codes(client)).toEqual(['ROLE_COMBINATION_FORBIDDEN']);
    });

    it('lets no pair of roles see more than one of its roles alone, even an account that predates the rule', async () => {
      const alone = new Map<Role, Awaited<ReturnType<typeof probe>>>();
      for (const role of ROLES) {
        const as = role === Role.PROVIDER_STAFF ? { role, providerId: providerA } : role;
        alone.set(role, await probe(`Bearer ${await t.tokenFor(as)}`));
      }
      // The refused pairs too, written straight into the table as an older version could have.
      const hash = await hashPassword(TEST_PASSWORD);
      for (const [a, b] of PAIRS) {
        const login = `pair-${a}-${b}`.toLowerCase().replaceAll('_', '-');
        await sql(
          `insert into access.account (id, login, display_name, password_hash, roles, provider_id)
           values (gen_random_uuid(), $1, $1, $2, $3::text[], $4) on conflict (login) do nothing`,
          [login, hash, [a, b], a === Role.PROVIDER_STAFF || b === Role.PROVIDER_STAFF ? providerA : null],
        );
        const pair = await probe(await signIn(login));
        const singles = [alone.get(a)!, alone.get(b)!];
        for (const [cell, outcome] of pair.cells) {
          if (outcome.startsWith('refused')) continue;
          const seenAlone = singles.some((one) => one.cells.get(cell) === outcome);
          expect([`${a}+${b}`, cell, outcome, seenAlone]).toEqual([`${a}+${b}`, cell, outcome, true]);
        }
        const wider = [...pair.listed].filter((id) => !singles.some((one) => one.listed.has(id)));
        expect([`${a}+${b}`, wider]).toEqual([`${a}+${b}`, []]);
      }
    }, 300_000);
  });

  describe('4. the lockout holds under any concurrency', () => {
    it('checks at most LOGIN_MAX_FAILURES of 40 wrong passwords sent at once, then refuses even the right one', async () => {
      const login = 'lock-target';
      await new AccountService(t.system.accessOrm.em.fork(), { now: () => new Date() }).create({
        login,
        displayName: 'Мишень',
        password: TEST_PASSWORD,
        roles: [Role.COORDINATOR],
      });
      const attempt = (password: string) =>
        t.gql(
          'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
          { input: { login, password } },
          {
            as: 'anonymous',
          },
        );
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`wrong-password-${i}`)));
      const outcomes = results.map((r) => codes(r)[0]);
      const checked = outcomes.filter((code) => code === 'INVALID_CREDENTIALS').length;
      expect(checked).toBe(5); // testConfig: LOGIN_MAX_FAILURES default 5
      expect(outcomes.filter((code) => code === 'ACCOUNT_LOCKED')).toHaveLength(35);
      const right = await attempt(TEST_PASSWORD);
      expect(codes(right)).toEqual(['ACCOUNT_LOCKED']);
      expect(JSON.stringify(right.data)).not.toContain('sls_');
      const events = await sql<{ entity: string; n: string }>(
        `select entity, count(*) n from access.audit_event a join access.account c on c.id::text = a.entity_id
          where a.action = 'security' and c.login = $1 group by entity order by entity`,
        [login],
      );
      expect(events).toEqual([
        { entity: 'ACCOUNT_LOCKED', n: '1' },
        { entity: 'SIGN_IN_FAILED', n: '41' },
      ]);
    });
  });

  describe('medium: audit, existence, input and defaults', () => {
    const NOBODY = '00000000-0000-4000-8000-0000000000aa';

    it('refuses every write about a person who is not registered, in every ministry, with RECIPIENT_NOT_FOUND', async () => {
      const attempts: [string, Record<string, unknown>, Role][] = [
        [
          'mutation ($input: RecordMedicalConclusionInput!) { recordMedicalConclusion(input: $input) { id } }',
          {
            recipientId: NOBODY,
            issuedOn: '2026-01-15',
            contraindicationsPresent: false,
            conditions: [],
            organisation: 'ГБУЗ',
          },
          Role.HEALTH_OFFICER,
        ],
        [
          'mutation ($input: RecordPmpkRecommendationInput!) { recordPmpkRecommendation(input: $input) { id } }',
          { recipientId: NOBODY, issuedOn: '2026-01-15', commission: 'ЦПМПК', programme: 'АООП' },
          Role.EDUCATION_OFFICER,
        ],
        [PLAN, { recipientId: NOBODY, providerId: providerA, hoursPerWeek: 3 }, Role.COORDINATOR],
      ];
      for (const [mutation, input, role] of attempts) {
        const res = await t.gql(mutation, { input }, { as: role });
        expect([mutation.slice(0, 40), codes(res)]).toEqual([mutation.slice(0, 40), ['RECIPIENT_NOT_FOUND']]);
      }
      const written = await sql<{ n: string }>(
        `select (select count(*) from health.medical_conclusion where recipient_id = $1)
              + (select count(*) from education.pmpk_recommendation where recipient_id = $1) n`,
        [NOBODY],
      );
      expect(written[0]!.n).toBe('0');
    });

    it('breaks the glass only with a meaningful reason, stored trimmed, for a registered person', async () => {
      const target = await person('Стеклянная');
      const glass = (r: string, reason: string) =>
        t.gql(
          'mutation ($r: ID!, $reason: String!) { breakGlass(recipientId: $r, reason: $reason) { reason } }',
          { r, reason },
          { as: Role.HEALTH_OFFICER },
        );
      for (const reason of ['          x', 'аааааааааааааа', '1234567890 12', '   ']) {
        expect(codes(await glass(target, reason))).toEqual(['BREAK_GLASS_REASON_INVALID']);
      }
      expect(codes(await glass(NOBODY, 'Срочный вызов скорой помощи'))).toEqual(['RECIPIENT_NOT_FOUND']);
      const opened = await glass(target, '   Срочный   вызов скорой помощи  ');
      expect(opened.errors).toBeUndefined();
      expect(opened.data).toEqual({ breakGlass: { reason: 'Срочный вызов скорой помощи' } });
      const events = await sql<{ entity: string }>(
        `select entity from access.audit_event where action = 'security' and recipient_id = $1`,
        [target],
      );
      expect(events).toEqual([{ entity: 'BREAK_GLASS' }]);
    });

    it('records refused reads, account and client events and the auditor’s own reads, masking health values', async () => {
      const target = await person('Проверяемая');
      const refused = await t.gql(CARD, { id: target }, staffOf(providerA));
      expect(codes(refused)).toContain('OUT_OF_SCOPE');
      const issued = await t.gql<{ createApiClient: { client: { id: string } } }>(
        'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } } }',
        {
          input: {
            name: 'Система Минздрава',
            agencyId: agencyIdOf('kaliningrad', 'Министерство здравоохранения Калининградской области'),
            roles: [Role.HEALTH_OFFICER],
          },
        },
        { as: Role.ADMIN },
      );
      const clientId = issued.data!.createApiClient.client.id;
      for (const mutation of [
        'rotateApiClientSecret(id: $id) { token }',
        'revokeApiClient(id: $id) { id }',
      ]) {
        expect(
          (await t.gql(`mutation ($id: ID!) { ${mutation} }`, { id: clientId }, { as: Role.ADMIN })).errors,
        ).toBeUndefined();
      }
      const officer = await t.gql<{ createAccount: { id: string } }>(
        'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
        {
          input: {
            login: 'officer-to-be',
            displayName: 'Будущий',
            password: TEST_PASSWORD,
            roles: [Role.EDUCATION_OFFICER],
          },
        },
        { as: Role.ADMIN },
      );
      const promoted = await t.gql(
        'mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { roles } }',
        {
          input: { id: officer.data!.createAccount.id, roles: [Role.EDUCATION_OFFICER, Role.COUNCIL_MEMBER] },
        },
        { as: Role.ADMIN },
      );
      expect(promoted.errors).toBeUndefined();
      const read = await t.gql('{ auditEvents(first: 5) { totalCount } }', {}, { as: Role.AUDITOR });
      expect(read.errors).toBeUndefined();
      const refusals = await sql<{ entity: string; fields: string[] }>(
        `select entity, fields from access.audit_event where action = 'refused' and recipient_id = $1`,
        [target],
      );
      expect(refusals.map((r) => r.entity)).toEqual(['OUT_OF_SCOPE']);
      expect(refusals[0]!.fields).toEqual(expect.arrayContaining(['Recipient.snils']));
      const events = await sql<{ entity: string }>(
        `select distinct entity from access.audit_event where action = 'security' order by entity`,
      );
      expect(events.map((e) => e.entity)).toEqual(
        expect.arrayContaining([
          'ACCOUNT_CREATED',
          'ACCOUNT_DEACTIVATED',
          'ROLES_CHANGED',
          'API_CLIENT_ISSUED',
          'API_CLIENT_ROTATED',
          'API_CLIENT_REVOKED',
          'AUDIT_LOG_READ',
          'CASE_HANDOVER',
          'SIGN_IN_FAILED',
          'ACCOUNT_LOCKED',
          'BREAK_GLASS',
        ]),
      );
      // The medical conclusions recorded above: the change is there, its health values are not.
      const health = await sql<{ after: unknown }>(
        `select after from access.audit_event where subgraph = 'health' and action = 'create'`,
      );
      expect(health.length).toBeGreaterThan(0);
      expect(JSON.stringify(health)).not.toMatch(/F20|G80|Областная/);
      expect(JSON.stringify(health)).toContain('conditions');
    });

    it('refuses a NUL character as bad input and answers a broken body without internals', async () => {
      const before = await sql<{ n: string }>('select count(*) n from social.recipient');
      const res = await t.gql(CREATE_PERSON, {
        input: {
          snils: snilsFromBody(901_000_001),
          lastName: 'Нулевая',
          firstName: 'Ольга',
          birthDate: '1980-01-01',
          sex: 'FEMALE',
          municipality: 'г. Калуга',
          address: 'ул. \u0000Скрытая',
        },
      });
      expect(codes(res)).toEqual(['VALIDATION_FAILED']);
      expect((await sql<{ n: string }>('select count(*) n from social.recipient'))[0]!.n).toBe(before[0]!.n);
      const broken = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send('{"query": "{ me');
      expect(broken.status).toBe(400);
      expect(broken.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(broken.text).not.toMatch(/ at |\.js|\.ts|\/work\/|node_modules/);
    });

    it('gives list cursors that reveal no sort value and cannot be forged', async () => {
      const page = await t.gql<{ recipients: { pageInfo: { endCursor: string } } }>(
        '{ recipients(first: 1, orderBy: { field: NAME, direction: ASC }) { pageInfo { endCursor } } }',
      );
      const cursor = page.data!.recipients.pageInfo.endCursor;
      expect(Buffer.from(cursor, 'base64url').toString('utf8')).not.toMatch(
        /lastName|[А-Яа-я]{3}|\d{4}-\d{2}/,
      );
      const next = await t.gql('query ($a: String) { recipients(first: 1, after: $a) { totalCount } }', {
        a: cursor,
      });
      expect(next.errors).toBeUndefined();
      const forged = Buffer.from(
        JSON.stringify(['lastName:ASC,firstName:ASC,patronymic:ASC,id:ASC', 'А', '', '', NOBODY]),
      ).toString('base64url');
      const tampered = `${cursor.slice(0, -2)}${cursor.endsWith('A') ? 'B' : 'A'}A`;
      for (const after of [forged, tampered]) {
        const res = await t.gql('query ($a: String) { recipients(first: 1, after: $a) { totalCount } }', {
          a: after,
        });
        expect(codes(res)).toEqual(['BAD_CURSOR']);
      }
    });

    it('refuses the СНИЛС 000-000-000 00', async () => {
      const res = await t.gql(CREATE_PERSON, {
        input: {
          snils: '000-000-000 00',
          lastName: 'Нулёва',
          firstName: 'Анна',
          birthDate: '1980-01-01',
          sex: 'FEMALE',
          municipality: 'г. Калуга',
        },
      });
      expect(codes(res)).toEqual(['SNILS_INVALID']);
    });
  });

  describe('against subgraphs served alone', () => {
    const services = new Map<string, RunningSubgraphService>();
    const secret = () => sessionSecret(testConfig());
    const actor = (roles: Role[], extra: Partial<Actor> = {}): Actor => ({
      kind: 'user',
      id: '22222222-2222-4222-8222-222222222222',
      name: 'attacker',
      agencyId: null,
      roles,
      providerId: null,
      ...extra,
    });
    const direct = async (name: string, query: string, variables: Record<string, unknown>, who: Actor) =>
      (
        await request(services.get(name)!.server.url)
          .post('')
          .set(ACTOR_HEADER, await signActorAssertion(who, secret(), `r-${Date.now()}`))
          .send({ query, variables })
      ).body as GraphQLResponse<unknown>;

    beforeAll(async () => {
      for (const definition of subgraphDefinitions.filter((d) => ['social', 'health'].includes(d.name))) {
        const config = testConfig({ DATABASE_URL: t.database.url });
        services.set(definition.name, await startSubgraphService(definition, config, createLogger('silent')));
      }
    }, 60_000);
    afterAll(async () => {
      for (const service of services.values()) await service.stop();
    });

    it('5. a subgraph or a gateway sharing the key refuses to start without SESSION_SECRET outside tests', async () => {
      const health = subgraphDefinitions.find((d) => d.name === 'health')!;
      const config = loadConfig({
        NODE_ENV: 'development',
        DATABASE_URL: t.database.url,
        PORT: '0',
        LOG_LEVEL: 'silent',
        DEMO_DATA: 'false',
      });
      await expect(startSubgraphService(health, config, createLogger('silent'))).rejects.toThrow(
        /SESSION_SECRET/,
      );
      await expect(
        startSystem({ config: { ...config, HEALTH_URL: services.get('health')!.server.url } }),
      ).rejects.toThrow(/SESSION_SECRET/);
      expect(() => loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'false' })).toThrow(/SESSION_SECRET/);
    });

    it('5. a subgraph alone caps an assertion’s lifetime itself, whatever the issuer wrote', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = (iat: number, exp: number) => {
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const body = `${part({ alg: 'HS256' })}.${part({
          kind: 'user',
          name: 'attacker',
          agencyId: null,
          roles: [Role.HEALTH_OFFICER],
          providerId: null,
          grants: [],
          sub: actor([]).id,
          iss: 'supported-living-gateway',
          aud: 'supported-living-subgraph',
          jti: `j-${iat}-${exp}`,
          iat,
          exp,
        })}`;
        return `${body}.${createHmac('sha256', secret()).update(body).digest('base64url')}`;
      };
      const ask = async (assertion: string) =>
        codes(
          (
            await request(services.get('health')!.server.url)
              .post('')
              .set(ACTOR_HEADER, assertion)
              .send({ query: '{ medicalConclusions(first: 1) { totalCount } }' })
          ).body,
        );
      expect(await ask(token(now, now + 60))).toEqual([]);
      expect(await ask(token(now, now + 3600))).toEqual(['UNAUTHENTICATED']);
      expect(await ask(token(now - 600, now + 30))).toEqual(['UNAUTHENTICATED']);
    });

    it('social alone refuses provider staff a self-granted plan', async () => {
      const target = await person('Напрямую');
      const res = await direct(
        'social',
        PLAN,
        { input: { recipientId: target, providerId: providerA, hoursPerWeek: 4 } },
        actor([Role.PROVIDER_STAFF], { providerId: providerA }),
      );
      expect(codes(res)).toEqual(['OUT_OF_SCOPE']);
      expect(await sql('select 1 from social.service_plan where recipient_id = $1', [target])).toEqual([]);
      // The refused write is in the log, recorded by the subgraph itself.
      const refused = await sql<{ entity: string; fields: string[]; subgraph: string }>(
        `select entity, fields, subgraph from access.audit_event
          where action = 'refused' and actor_name = 'attacker' and recipient_id = $1`,
        [target],
      );
      expect(refused).toEqual([
        { entity: 'OUT_OF_SCOPE', fields: ['Mutation.createServicePlan'], subgraph: 'social' },
      ]);
    });

    it('social alone finds by name only the people an officer or provider staff may list', async () => {
      const target = await person('Одиночкина');
      const found = async (who: Actor) => {
        const res = (await direct(
          'social',
          'query ($n: String!) { peopleByName(name: $n) { id } }',
          { n: 'Одиночкина' },
          who,
        )) as GraphQLResponse<{ peopleByName: { id: string }[] }>;
        expect(res.errors).toBeUndefined();
        return res.data!.peopleByName.map((p) => p.id);
      };
      expect(await found(actor([Role.COORDINATOR]))).toEqual([target]);
      expect(await found(actor([Role.HEALTH_OFFICER]))).toEqual([]);
      expect(await found(actor([Role.PROVIDER_STAFF], { providerId: providerA }))).toEqual([]);
    });

    it('social alone refuses a coordinator taking over a case not theirs', async () => {
      const target = await person('Захват');
      const res = await direct(
        'social',
        ASSIGN,
        { input: { recipientId: target, accountId: actor([]).id } },
        actor([Role.COORDINATOR]),
      );
      expect(codes(res)).toEqual(['NOT_CASE_COORDINATOR']);
    });

    it('health alone believes no case coordinator a caller names without social’s seal', async () => {
      const target = await person('Подделка');
      const forged = await direct(
        'health',
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Recipient { medicalConclusions { id } } } }`,
        {
          r: [
            {
              __typename: 'Recipient',
              id: target,
              caseCoordinatorIds: [actor([]).id],
              caseAssignmentSeal: '9999999999.forged',
            },
          ],
        },
        actor([Role.COORDINATOR]),
      );
      expect(codes(forged)).toEqual(['NOT_CASE_COORDINATOR']);
    });
  });
});
