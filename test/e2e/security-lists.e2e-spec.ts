import { Role, snilsFromBody } from '@sl/core';
import pg from 'pg';
import {
  type GraphQLResponse,
  startTestSystem,
  TEST_PASSWORD,
  type TestActor,
  type TestSystem,
} from '../support/system.js';

/**
 * Issue 18, the lists beyond `recipients` and the refused writes: every list a restricted role may
 * call (provider staff, a ministry officer) holds, in its rows, ids and counts, only the people that
 * role may list; and every write an access rule refuses is in the audit log as `refused`, with the
 * actor, the operation, the code and the person when known.
 */
const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);
const CREATE_PERSON = `mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const PLAN = `mutation ($input: CreateServicePlanInput!) { createServicePlan(input: $input) { id } }`;
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`;
const BY_NAME = `query ($n: String!) { peopleByName(name: $n) { id } }`;
const DUPLICATES = `query ($id: ID!) { recipient(id: $id) { possibleDuplicates { id } } }`;
const OCCUPANTS = `{ housingUnits(first: 200) { edges { node { id occupiedPlaces occupants { recipientId } } } } }`;
const DUE = `{ readinessReviewsDue(horizonDays: 366, first: 200) { totalCount edges { node { recipientId providerId } } } }`;
const NAMESAKE = { lastName: 'Тезкина', firstName: 'Анна', patronymic: 'Петровна', birthDate: '1979-03-04' };

describe('security: every list narrowed like `recipients`, every refused write recorded', () => {
  let t: TestSystem;
  let owner: pg.Pool;
  let providerA: string;
  let seq = 0;
  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await owner.query(text, params)).rows as T[];
  const staffOf = (providerId: string): { as: TestActor } => ({
    as: { role: Role.PROVIDER_STAFF, providerId },
  });
  /** Provider staff of a provider that serves nobody. */
  const stranger = { as: { role: Role.PROVIDER_STAFF } } as const;

  async function person(names: Partial<typeof NAMESAKE> = {}): Promise<string> {
    seq += 1;
    const res = await t.gql<{ createRecipient: { id: string } }>(CREATE_PERSON, {
      input: {
        snils: snilsFromBody(941_000_000 + seq),
        ...NAMESAKE,
        ...names,
        sex: 'FEMALE',
        municipality: 'г. Краевой',
      },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createRecipient.id;
  }
  async function shareWithHealth(recipientId: string): Promise<void> {
    for (const consent of [{ kind: 'PERSONAL_DATA' }, { kind: 'SHARING', sharedWith: 'HEALTH' }]) {
      const res = await t.gql(GIVE, { input: { recipientId, givenOn: '2026-01-10', ...consent } });
      expect(res.errors).toBeUndefined();
    }
  }
  const refusals = (operation: string) =>
    sql<{ recipient_id: string | null; entity: string; actor_name: string; subgraph: string }>(
      `select recipient_id, entity, actor_name, subgraph from access.audit_event
        where action = 'refused' and fields ? $1 order by id`,
      [operation],
    );

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '40' } });
    owner = new pg.Pool({ connectionString: t.database.url, max: 1 });
    // The provider serving the most people in training in the demo data.
    const [busiest] = await sql<{ provider_id: string }>(
      `select provider_id from social.stage where ended_on is null and kind = 'TRAINING' and provider_id is not null
        group by provider_id order by count(*) desc, provider_id limit 1`,
    );
    providerA = busiest!.provider_id;
  }, 180_000);
  afterAll(async () => {
    await owner?.end();
    await t?.stop();
  });

  describe('namesakes: `peopleByName` and `possibleDuplicates`', () => {
    let served: string;
    let other: string;

    beforeAll(async () => {
      // Two records of the same name and birth date: one served by provider A and shared with health,
      // the other neither.
      served = await person();
      other = await person();
      const plan = await t.gql(PLAN, {
        input: { recipientId: served, providerId: providerA, hoursPerWeek: 6 },
      });
      expect(plan.errors).toBeUndefined();
      await shareWithHealth(served);
    });

    it('finds by name only the people the caller may list', async () => {
      const found = async (as?: { as: Role | TestActor }) => {
        const res = await t.gql<{ peopleByName: { id: string }[] }>(BY_NAME, { n: 'Тезкина Анна' }, as);
        expect(res.errors).toBeUndefined();
        return res.data!.peopleByName.map((p) => p.id).sort();
      };
      expect(await found()).toEqual([served, other].sort());
      expect(await found({ as: Role.HEALTH_OFFICER })).toEqual([served]);
      expect(await found(staffOf(providerA))).toEqual([served]);
      expect(await found(stranger)).toEqual([]);
      expect(await found({ as: Role.EDUCATION_OFFICER })).toEqual([]);
      // Each person found is recorded, even when only ids were asked for.
      const reads = await sql<{ recipient_id: string }>(
        `select recipient_id from access.audit_event
          where action = 'read' and actor_name = 't-health-officer' and fields ? 'Recipient.id'`,
      );
      expect(reads.map((r) => r.recipient_id)).toContain(served);
      expect(reads.map((r) => r.recipient_id)).not.toContain(other);
    });

    it('names as a possible duplicate only a namesake the caller may list', async () => {
      const duplicates = async (as?: { as: Role | TestActor }) => {
        const res = await t.gql<{ recipient: { possibleDuplicates: { id: string }[] } }>(
          DUPLICATES,
          { id: served },
          as,
        );
        expect(res.errors).toBeUndefined();
        return res.data!.recipient.possibleDuplicates.map((p) => p.id);
      };
      expect(await duplicates()).toEqual([other]);
      expect(await duplicates(staffOf(providerA))).toEqual([]);
      expect(await duplicates({ as: Role.HEALTH_OFFICER })).toEqual([]);
    });
  });

  describe('lists of provider staff', () => {
    it('shows a housing unit’s occupants only when they are the provider’s people; places still count', async () => {
      type Units = {
        housingUnits: {
          edges: {
            node: { id: string; occupiedPlaces: number; occupants: { recipientId: string }[] | null };
          }[];
        };
      };
      const all = await t.gql<Units>(OCCUPANTS);
      expect(all.errors).toBeUndefined();
      const occupied = all.data!.housingUnits.edges.filter((e) => (e.node.occupants ?? []).length > 0);
      expect(occupied.length).toBeGreaterThan(0);
      const none = await t.gql<Units>(OCCUPANTS, {}, stranger);
      expect(none.errors).toBeUndefined();
      for (const edge of none.data!.housingUnits.edges) {
        expect(edge.node.occupants).toEqual([]);
        const same = all.data!.housingUnits.edges.find((e) => e.node.id === edge.node.id)!;
        expect(edge.node.occupiedPlaces).toBe(same.node.occupiedPlaces);
      }
      const own = await t.gql<Units>(OCCUPANTS, {}, staffOf(providerA));
      expect(own.errors).toBeUndefined();
      const mine = await t.gql<{ recipients: { edges: { node: { id: string } }[] } }>(
        '{ recipients(first: 200) { edges { node { id } } } }',
        {},
        staffOf(providerA),
      );
      const ownPeople = new Set(mine.data!.recipients.edges.map((e) => e.node.id));
      const listed = own.data!.housingUnits.edges.flatMap((e) =>
        (e.node.occupants ?? []).map((o) => o.recipientId),
      );
      for (const id of listed) expect(ownPeople.has(id)).toBe(true);
      const everyone = occupied.flatMap((e) => e.node.occupants!.map((o) => o.recipientId));
      expect(listed.length).toBe(everyone.filter((id) => ownPeople.has(id)).length);
    });

    it('lists the readiness reviews due of the provider’s own people only, and counts only them', async () => {
      type Due = {
        readinessReviewsDue: {
          totalCount: number;
          edges: { node: { recipientId: string; providerId: string | null } }[];
        };
      };
      const all = await t.gql<Due>(DUE);
      expect(all.errors).toBeUndefined();
      const ofA = all.data!.readinessReviewsDue.edges.filter((e) => e.node.providerId === providerA);
      expect(ofA.length).toBeGreaterThan(0);
      expect(all.data!.readinessReviewsDue.totalCount).toBeGreaterThan(ofA.length);
      const own = await t.gql<Due>(DUE, {}, staffOf(providerA));
      expect(own.errors).toBeUndefined();
      expect(own.data!.readinessReviewsDue.totalCount).toBe(ofA.length);
      expect(own.data!.readinessReviewsDue.edges.map((e) => e.node.recipientId).sort()).toEqual(
        ofA.map((e) => e.node.recipientId).sort(),
      );
      const none = await t.gql<Due>(DUE, {}, stranger);
      expect(none.data!.readinessReviewsDue).toEqual({ totalCount: 0, edges: [] });
    });

    it('lists a provider’s visits only while the person is in its scope', async () => {
      const visited = await person({ lastName: 'Посещаемая' });
      const plan = await t.gql(PLAN, {
        input: { recipientId: visited, providerId: providerA, hoursPerWeek: 6, fromDate: '2026-01-05' },
      });
      expect(plan.errors).toBeUndefined();
      const staff = await t.gql<{ createStaffMember: { id: string } }>(
        `mutation ($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }`,
        { input: { fullName: 'Работница Посещений', role: 'SOCIAL_WORKER', providerId: providerA } },
      );
      expect(staff.errors).toBeUndefined();
      const visit = await t.gql<{ scheduleVisit: { id: string } }>(
        `mutation ($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id } }`,
        {
          input: {
            recipientId: visited,
            staffMemberId: staff.data!.createStaffMember.id,
            plannedAt: '2026-02-02T10:00:00+03:00',
          },
        },
      );
      expect(visit.errors).toBeUndefined();
      const VISITS = `query ($f: VisitFilter) { visits(filter: $f, first: 200) { totalCount edges { node { id } } } }`;
      const listed = async () => {
        const res = await t.gql<{ visits: { totalCount: number; edges: { node: { id: string } }[] } }>(
          VISITS,
          { f: { from: '2026-02-02', to: '2026-02-08' } },
          staffOf(providerA),
        );
        expect(res.errors).toBeUndefined();
        return res.data!.visits;
      };
      const before = await listed();
      expect(before.edges.map((e) => e.node.id)).toContain(visit.data!.scheduleVisit.id);
      const closed = await t.gql(
        `mutation ($input: CloseServicePlanInput!) { closeServicePlan(input: $input) { id } }`,
        { input: { recipientId: visited, date: '2026-03-01' } },
      );
      expect(closed.errors).toBeUndefined();
      const after = await listed();
      expect(after.edges.map((e) => e.node.id)).not.toContain(visit.data!.scheduleVisit.id);
      expect(after.totalCount).toBe(before.totalCount - 1);
    });
  });

  describe('refused writes are recorded as refused', () => {
    it('records a write refused to the role, with the person its arguments name', async () => {
      const target = await person({ lastName: 'Отказная' });
      const res = await t.gql(
        `mutation ($input: UpdateRecipientInput!) { updateRecipient(input: $input) { id } }`,
        { input: { id: target, version: 1, lastName: 'Подменная' } },
        { as: Role.COUNCIL_MEMBER },
      );
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.data ?? null).toBeNull();
      const created = await t.gql(
        CREATE_PERSON,
        {
          input: {
            snils: snilsFromBody(942_000_001),
            ...NAMESAKE,
            sex: 'FEMALE',
            municipality: 'г. Краевой',
          },
        },
        { as: Role.AUDITOR },
      );
      expect(codes(created)).toEqual(['FORBIDDEN']);
      expect(await sql(`select 1 from social.recipient where snils = '94200000101'`)).toEqual([]);
      expect(await refusals('Mutation.updateRecipient')).toEqual([
        { recipient_id: target, entity: 'FORBIDDEN', actor_name: 't-council-member', subgraph: 'social' },
      ]);
      expect(await refusals('Mutation.createRecipient')).toEqual([
        { recipient_id: null, entity: 'FORBIDDEN', actor_name: 't-auditor', subgraph: 'social' },
      ]);
    });

    it('records a write refused by a provider’s scope, by consent and by another’s case', async () => {
      const target = await person({ lastName: 'Чужая' });
      const plan = await t.gql(
        PLAN,
        { input: { recipientId: target, providerId: providerA, hoursPerWeek: 4 } },
        staffOf(providerA),
      );
      expect(codes(plan)).toEqual(['OUT_OF_SCOPE']);
      const conclusion = await t.gql(
        `mutation ($input: RecordMedicalConclusionInput!) { recordMedicalConclusion(input: $input) { id } }`,
        {
          input: {
            recipientId: target,
            issuedOn: '2026-01-20',
            contraindicationsPresent: false,
            conditions: [],
            organisation: 'ГБУЗ «Краевая больница»',
          },
        },
        { as: Role.HEALTH_OFFICER },
      );
      expect(codes(conclusion)).toEqual(['CONSENT_MISSING']);
      expect(await sql('select 1 from health.medical_conclusion where recipient_id = $1', [target])).toEqual(
        [],
      );
      const [coordinator] = await sql<{ id: string }>(
        `select id from access.account where login = 't-coordinator'`,
      );
      const takeover = await t.gql(
        `mutation ($input: AssignCaseCoordinatorInput!) { assignCaseCoordinator(input: $input) { id } }`,
        { input: { recipientId: target, accountId: coordinator!.id } },
        { as: { role: Role.COORDINATOR, agencyId: '00000000-0000-4000-8000-0000000000aa' } },
      );
      expect(codes(takeover)).toEqual(['NOT_CASE_COORDINATOR']);
      expect(await refusals('Mutation.createServicePlan')).toContainEqual(
        expect.objectContaining({ recipient_id: target, entity: 'OUT_OF_SCOPE', subgraph: 'social' }),
      );
      expect(await refusals('Mutation.recordMedicalConclusion')).toEqual([
        {
          recipient_id: target,
          entity: 'CONSENT_MISSING',
          actor_name: 't-health-officer',
          subgraph: 'health',
        },
      ]);
      expect(await refusals('Mutation.assignCaseCoordinator')).toEqual([
        expect.objectContaining({ recipient_id: target, entity: 'NOT_CASE_COORDINATOR' }),
      ]);
    });

    it('refuses moving another provider’s visit, changes nothing, and records whose visit it was', async () => {
      const [visit] = await sql<{ id: string; recipient_id: string; planned_at: Date }>(
        `select v.id, v.recipient_id, v.planned_at from social.visit v where v.recorded_at is null order by v.id limit 1`,
      );
      expect(visit).toBeDefined();
      const moved = await t.gql(
        `mutation ($input: RescheduleVisitInput!) { rescheduleVisit(input: $input) { id } }`,
        { input: { visitId: visit!.id, plannedAt: '2026-12-01T10:00:00+03:00' } },
        stranger,
      );
      expect(codes(moved)).toEqual(['OUT_OF_SCOPE']);
      expect(moved.errors?.[0]?.extensions).not.toHaveProperty('recipientId');
      const [after] = await sql<{ planned_at: Date }>('select planned_at from social.visit where id = $1', [
        visit!.id,
      ]);
      expect(after!.planned_at).toEqual(visit!.planned_at);
      expect(await refusals('Mutation.rescheduleVisit')).toEqual([
        expect.objectContaining({ recipient_id: visit!.recipient_id, entity: 'OUT_OF_SCOPE' }),
      ]);
    });
  });

  describe('an administrator’s changes to an account are security events', () => {
    it('records deactivation, activation and unlock; refuses and records them asked by anyone else', async () => {
      const created = await t.gql<{ createAccount: { id: string } }>(
        'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
        {
          input: {
            login: 'to-be-switched',
            displayName: 'Переключаемая',
            password: TEST_PASSWORD,
            roles: [Role.EDUCATION_OFFICER],
          },
        },
        { as: Role.ADMIN },
      );
      expect(created.errors).toBeUndefined();
      const id = created.data!.createAccount.id;
      const ACTIVE = 'mutation ($id: ID!, $a: Boolean!) { setAccountActive(id: $id, active: $a) { active } }';
      const UNLOCK = 'mutation ($id: ID!) { unlockAccount(id: $id) { id } }';
      const tried = await t.gql(UNLOCK, { id }, { as: Role.COORDINATOR });
      expect(codes(tried)).toEqual(['FORBIDDEN']);
      expect(tried.data ?? null).toBeNull();
      for (const [query, variables] of [
        [ACTIVE, { id, a: false }],
        [ACTIVE, { id, a: true }],
        [UNLOCK, { id }],
      ] as const) {
        expect((await t.gql(query, variables, { as: Role.ADMIN })).errors).toBeUndefined();
      }
      const events = await sql<{ entity: string }>(
        `select entity from access.audit_event where action = 'security' and entity_id = $1 order by id`,
        [id],
      );
      expect(events.map((e) => e.entity)).toEqual([
        'ACCOUNT_CREATED',
        'ACCOUNT_DEACTIVATED',
        'ACCOUNT_ACTIVATED',
        'ACCOUNT_UNLOCKED',
      ]);
      expect(await refusals('Mutation.unlockAccount')).toEqual([
        { recipient_id: null, entity: 'FORBIDDEN', actor_name: 't-coordinator', subgraph: 'access' },
      ]);
    });
  });
});
