import { AuditTrail, ConflictError, type DemoPerson, demoPeople, ManualClock } from '@sl/core';
import {
  closeCurrentStage,
  RuleSet,
  type TerminationCloser,
  TerminationReason,
  TerminationService,
} from '@sl/social';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

const HISTORY = /* GraphQL */ `
  query History($id: ID!) {
    recipient(id: $id) {
      currentStage { id kind startedOn }
      stages {
        id kind startedOn endedOn endReason terminationReason current providerId
        serviceType plannedHours plannedHoursPer
        readinessReviews { ordinal period reviewedOn outcome note }
      }
    }
  }
`;
const START = /* GraphQL */ `
  mutation Start($input: StartStageInput!) {
    startStage(input: $input) { id kind startedOn endedOn providerId serviceType plannedHours plannedHoursPer current }
  }
`;
const REVIEW = /* GraphQL */ `
  mutation Review($input: RecordReadinessReviewInput!) {
    recordReadinessReview(input: $input) { id ordinal period reviewedOn outcome note }
  }
`;
const TERMINATE = /* GraphQL */ `
  mutation Terminate($input: TerminateParticipationInput!) {
    terminateParticipation(input: $input) { id reason groundOn requestedOn effectiveOn note }
  }
`;
const DUE = /* GraphQL */ `
  query Due($horizonDays: Int, $first: Int, $after: String) {
    readinessReviewsDue(horizonDays: $horizonDays, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { recipientId stageId providerId trainingStartedOn reviewNumber dueFrom dueBy status recipient { lastName } } }
    }
  }
`;

interface StageView {
  id: string;
  kind: string;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  terminationReason: string | null;
  current: boolean;
  providerId: string | null;
  serviceType: string | null;
  plannedHours: number | null;
  plannedHoursPer: string | null;
  readinessReviews: { ordinal: number; period: number; reviewedOn: string; outcome: string; note: string }[];
}
interface History {
  recipient: { currentStage: { id: string; kind: string; startedOn: string } | null; stages: StageView[] };
}
interface DueNode {
  recipientId: string;
  providerId: string | null;
  reviewNumber: number;
  dueFrom: string;
  dueBy: string;
  status: string;
  recipient: { lastName: string };
}
interface DuePage {
  readinessReviewsDue: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: DueNode }[];
  };
}

describe('stages of supported living through the gateway (seed 002 §15, 001 §17)', () => {
  const clock = new ManualClock(new Date('2026-01-12T09:00:00Z'));
  let t: TestSystem;
  let people: DemoPerson[];
  /** A provider of the registry (the demo loads seed 002's). */
  let PROVIDER: string;

  /** Moves "today" (Moscow) to a calendar date. */
  const setToday = (date: string) => clock.set(`${date}T09:00:00Z`);

  const history = async (id: string) => {
    const res = await t.gql<History>(HISTORY, { id });
    expect(res.errors).toBeUndefined();
    return res.data!.recipient;
  };

  const refused = (res: GraphQLResponse, code: string) => {
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.message).toMatch(/[а-яё]/i);
    expect(res.data?.[Object.keys(res.data ?? {})[0] ?? ''] ?? null).toBeNull();
  };

  const ok = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { DEMO_DATA: 'true', DEMO_PEOPLE: '40', REGION: 'kaluga' } });
    // Fixture people of another seed than the demo ones, so they start with no stage at all.
    people = demoPeople(5, 'kaluga', 777);
    const connection = t.system.runtimes.get('social')!.orm.em.getConnection();
    for (const p of people) {
      await connection.execute(
        'insert into social.recipient (id, snils, last_name, first_name, patronymic, birth_date, municipality) values (?, ?, ?, ?, ?, ?, ?)',
        [p.id, p.snils, p.lastName, p.firstName, p.patronymic, p.birthDate, p.municipality],
      );
      // Granted on an assessment of 150 points (degree III, type 3, 4–8 h a day): stages need a
      // grant (001 §13 е, §14) and the main stage the assessment's type (001 §9.1). The case
      // itself is walked through the gateway in case-walkthrough.e2e-spec.ts.
      const assessment = await connection.execute<{ id: string }[]>(
        `insert into social.assessment (id, recipient_id, assessed_on, assessor, score, degree, region,
           service_type_code, service_type_name, hours_min, hours_max, hours_per, reassessment_due_on)
         values (gen_random_uuid(), ?, '2025-12-01', 'Петрова А. В.', 150, 'III', 'kaluga', 'TYPE_3', 'регулярное',
           4, 8, 'DAY', '2028-12-01') returning id`,
        [p.id],
      );
      await connection.execute(
        `insert into social.application (id, recipient_id, submitted_on, applied_by, status, decision_due_on,
           decision, decided_on, assessment_id)
         values (gen_random_uuid(), ?, '2025-11-28', 'PERSON', 'DECIDED', '2025-12-08', 'GRANTED', '2025-12-05', ?)`,
        [p.id, assessment[0]!.id],
      );
    }
    const providers = await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
      '{ providers(first: 1) { edges { node { id } } } }',
    );
    PROVIDER = providers.data!.providers.edges[0]!.node.id;
  });
  afterAll(() => t.stop());

  it('walks one person through preparatory → training → reviews → main → termination, keeping the history', async () => {
    const id = people[0]!.id;
    setToday('2026-01-12');
    expect(await history(id)).toEqual({ currentStage: null, stages: [] });

    // seed 002 §15: the first stage is the preparatory one
    refused(await t.gql(START, { input: { recipientId: id, kind: 'TRAINING' } }), 'STAGE_ORDER_VIOLATED');
    expect((await history(id)).stages).toEqual([]);

    const prep = ok(
      await t.gql<{ startStage: StageView }>(START, { input: { recipientId: id, kind: 'PREPARATORY' } }),
    );
    expect(prep.startStage).toMatchObject({ kind: 'PREPARATORY', startedOn: '2026-01-12', current: true });
    refused(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY' } }), 'STAGE_ORDER_VIOLATED');
    refused(await t.gql(START, { input: { recipientId: id, kind: 'MAIN' } }), 'STAGE_ORDER_VIOLATED');

    setToday('2026-02-02');
    const training = ok(
      await t.gql<{ startStage: StageView }>(START, {
        input: { recipientId: id, kind: 'TRAINING', providerId: PROVIDER },
      }),
    ).startStage;
    expect(training).toMatchObject({ kind: 'TRAINING', startedOn: '2026-02-02', providerId: PROVIDER });
    let h = await history(id);
    expect(h.currentStage).toEqual({ id: training.id, kind: 'TRAINING', startedOn: '2026-02-02' });
    expect(h.stages[0]).toMatchObject({
      kind: 'PREPARATORY',
      endedOn: '2026-02-02',
      endReason: 'NEXT_STAGE',
    });

    // seed 002 §15.2: no readiness review earlier than 6 months after training began
    setToday('2026-08-01');
    const early = await t.gql(REVIEW, { input: { recipientId: id, outcome: 'READY' } });
    refused(early, 'READINESS_REVIEW_TOO_EARLY');
    expect(early.errors![0]!.extensions!.earliest).toBe('2026-08-02');
    // seed 002 §15.2–15.3: no main stage without a READY review
    refused(
      await t.gql(START, {
        input: { recipientId: id, kind: 'MAIN', serviceType: 'TYPE_3', plannedHours: 6 },
      }),
      'READINESS_NOT_CONFIRMED',
    );
    h = await history(id);
    expect(h.stages).toHaveLength(2);
    expect(h.stages[1]!.readinessReviews).toEqual([]);

    setToday('2026-08-02');
    const first = ok(
      await t.gql<{ recordReadinessReview: unknown }>(REVIEW, {
        input: { recipientId: id, outcome: 'NOT_READY', note: 'Нужна помощь с бюджетом' },
      }),
    );
    expect(first.recordReadinessReview).toMatchObject({ ordinal: 1, period: 1, reviewedOn: '2026-08-02' });

    // seed 002 §15.2: one review per half-year
    setToday('2026-12-20');
    refused(
      await t.gql(REVIEW, { input: { recipientId: id, outcome: 'READY' } }),
      'READINESS_REVIEW_PERIOD_TAKEN',
    );
    setToday('2027-02-02');
    ok(await t.gql(REVIEW, { input: { recipientId: id, outcome: 'READY' } }));
    h = await history(id);
    expect(h.stages[1]!.readinessReviews.map((r) => [r.ordinal, r.period, r.outcome])).toEqual([
      [1, 1, 'NOT_READY'],
      [2, 2, 'READY'],
    ]);
    expect(h.stages[1]!.readinessReviews[0]!.note).toBe('Нужна помощь с бюджетом');

    // seed 001 §9.1: Kaluga's main stage has types 1–4 with their hours; Murmansk's modes are not offered
    setToday('2027-02-10');
    const main = (input: Record<string, unknown>) =>
      t.gql<{ startStage: StageView }>(START, { input: { recipientId: id, kind: 'MAIN', ...input } });
    refused(await main({ serviceType: 'REGULAR', plannedHours: 6 }), 'SERVICE_TYPE_NOT_IN_REGION');
    refused(await main({ serviceType: 'TYPE_3', plannedHours: 9 }), 'PLANNED_HOURS_OUT_OF_RANGE');
    refused(await main({ plannedHours: 6 }), 'SERVICE_TYPE_REQUIRED');
    expect((await history(id)).currentStage?.kind).toBe('TRAINING');
    const mainStage = ok(await main({ serviceType: 'TYPE_3', plannedHours: 6 })).startStage;
    expect(mainStage).toMatchObject({
      kind: 'MAIN',
      startedOn: '2027-02-10',
      serviceType: 'TYPE_3',
      plannedHours: 6,
      plannedHoursPer: 'DAY',
      providerId: PROVIDER,
    });
    refused(await t.gql(START, { input: { recipientId: id, kind: 'MAIN' } }), 'STAGE_ORDER_VIOLATED');
    refused(await t.gql(REVIEW, { input: { recipientId: id, outcome: 'READY' } }), 'NOT_IN_TRAINING_STAGE');

    // seed 001 §12, §17: on the person's initiative services end from the date named in the application
    setToday('2027-06-01');
    const terminate = (input: Record<string, unknown>) =>
      t.gql<{ terminateParticipation: Record<string, unknown> }>(TERMINATE, {
        input: { recipientId: id, reason: 'PERSONAL_INITIATIVE', groundOn: '2027-06-01', ...input },
      });
    refused(await terminate({}), 'TERMINATION_REQUESTED_DATE_REQUIRED');
    refused(await terminate({ requestedOn: '2027-05-01' }), 'TERMINATION_REQUESTED_BEFORE_GROUND');
    refused(await terminate({ groundOn: '2027-06-02', requestedOn: '2027-06-15' }), 'DATE_IN_FUTURE');
    expect((await history(id)).currentStage?.kind).toBe('MAIN');
    const done = ok(await terminate({ requestedOn: '2027-06-15', note: 'Переезд к родственникам' }));
    expect(done.terminateParticipation).toMatchObject({
      reason: 'PERSONAL_INITIATIVE',
      groundOn: '2027-06-01',
      requestedOn: '2027-06-15',
      effectiveOn: '2027-06-15',
    });

    h = await history(id);
    expect(h.currentStage).toBeNull();
    expect(h.stages.map((s) => [s.kind, s.startedOn, s.endedOn, s.endReason, s.terminationReason])).toEqual([
      ['PREPARATORY', '2026-01-12', '2026-02-02', 'NEXT_STAGE', null],
      ['TRAINING', '2026-02-02', '2027-02-10', 'NEXT_STAGE', null],
      ['MAIN', '2027-02-10', '2027-06-15', 'TERMINATED', 'PERSONAL_INITIATIVE'],
    ]);
    expect(h.stages[1]!.readinessReviews).toHaveLength(2);
    refused(await terminate({ requestedOn: '2027-06-20' }), 'NO_CURRENT_STAGE');
  });

  it('refuses a fifth readiness review and lists the person as due until then (seed 002 §15.2)', async () => {
    const id = people[1]!.id;
    setToday('2026-01-12');
    ok(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY' } }));
    ok(await t.gql(START, { input: { recipientId: id, kind: 'TRAINING', providerId: PROVIDER } }));

    const dueFor = async (horizonDays: number) => {
      const res = await t.gql<DuePage>(DUE, { horizonDays, first: 200 });
      const page = ok(res).readinessReviewsDue;
      return page.edges.map((e) => e.node).find((n) => n.recipientId === id) ?? null;
    };
    expect(await dueFor(30)).toBeNull();
    expect(await dueFor(190)).toMatchObject({
      reviewNumber: 1,
      dueFrom: '2026-07-12',
      dueBy: '2027-01-11',
      status: 'DUE',
      providerId: PROVIDER,
      recipient: { lastName: people[1]!.lastName },
    });

    for (const [n, date] of [
      [1, '2026-07-12'],
      [2, '2027-01-12'],
      [3, '2027-07-12'],
      [4, '2028-01-12'],
    ] as const) {
      setToday(date);
      const due = await dueFor(0);
      expect(due).toMatchObject({ reviewNumber: n, dueFrom: date, status: 'DUE' });
      const res = await t.gql<{ recordReadinessReview: { ordinal: number } }>(REVIEW, {
        input: { recipientId: id, outcome: 'NOT_READY' },
      });
      expect(ok(res).recordReadinessReview.ordinal).toBe(n);
    }
    setToday('2028-07-12');
    refused(
      await t.gql(REVIEW, { input: { recipientId: id, outcome: 'READY' } }),
      'READINESS_REVIEWS_EXHAUSTED',
    );
    const h = await history(id);
    expect(h.stages[1]!.readinessReviews.map((r) => r.outcome)).toEqual(Array(4).fill('NOT_READY'));
    // All four used: the training stage goes on, no review is due, and the main stage stays closed.
    expect(h.currentStage?.kind).toBe('TRAINING');
    expect(await dueFor(366)).toBeNull();
    refused(
      await t.gql(START, {
        input: { recipientId: id, kind: 'MAIN', serviceType: 'TYPE_1', plannedHours: 4 },
      }),
      'READINESS_NOT_CONFIRMED',
    );
  });

  it('marks a review whose half-year passed without one as LATE', async () => {
    const id = people[2]!.id;
    setToday('2026-01-12');
    ok(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY' } }));
    ok(await t.gql(START, { input: { recipientId: id, kind: 'TRAINING' } }));
    setToday('2027-01-20');
    const res = ok(await t.gql<DuePage>(DUE, { horizonDays: 0, first: 200 }));
    const node = res.readinessReviewsDue.edges.map((e) => e.node).find((n) => n.recipientId === id);
    expect(node).toMatchObject({
      reviewNumber: 1,
      dueFrom: '2026-07-12',
      dueBy: '2027-01-11',
      status: 'LATE',
    });
  });

  it('pages the due list by cursor without gaps or repeats', async () => {
    setToday('2026-03-01');
    const all = ok(await t.gql<DuePage>(DUE, { horizonDays: 366, first: 200 })).readinessReviewsDue;
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.edges.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: DuePage['readinessReviewsDue'] = ok(
        await t.gql<DuePage>(DUE, { horizonDays: 366, first: 2, after }),
      ).readinessReviewsDue;
      seen.push(...page.edges.map((e) => `${e.node.recipientId}`));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e) => e.node.recipientId));
    const dates = all.edges.map((e) => e.node.dueFrom);
    expect(dates).toEqual([...dates].sort());
  });

  it('lets exactly one of two simultaneous stage starts through', async () => {
    const id = people[3]!.id;
    setToday('2026-01-12');
    const results = await Promise.all([
      t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY' } }),
      t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY' } }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions?.code).toBe('STAGE_ORDER_VIOLATED');
    expect((await history(id)).stages).toHaveLength(1);
  });

  it('runs the termination closers in its transaction: a failing closer leaves nothing written', async () => {
    const id = people[4]!.id;
    setToday('2026-01-12');
    ok(await t.gql(START, { input: { recipientId: id, kind: 'PREPARATORY' } }));
    const closed: string[] = [];
    const housing: TerminationCloser = {
      name: 'housing',
      async close(_tx, termination) {
        closed.push(termination.stageId!);
        throw new ConflictError('HOUSING_NOT_CLOSED', 'Место в жилом помещении не освобождено');
      },
    };
    const em = t.system.runtimes.get('social')!.orm.em.fork();
    const audit = new AuditTrail();
    const service = (closers: TerminationCloser[]) => (tx: typeof em) =>
      new TerminationService(tx, RuleSet.for('kaluga'), '2026-01-12', audit, closers).terminate({
        recipientId: id,
        reason: TerminationReason.DEATH,
        groundOn: '2026-01-12',
      });
    await expect(em.transactional(service([closeCurrentStage, housing]))).rejects.toMatchObject({
      code: 'HOUSING_NOT_CLOSED',
    });
    expect(closed).toHaveLength(1);
    // The stage the first closer ended is open again and no termination row remains.
    expect((await history(id)).currentStage?.kind).toBe('PREPARATORY');
    const rows = (await em
      .getConnection()
      .execute('select count(*)::int as n from social.termination where recipient_id = ?', [id])) as {
      n: number;
    }[];
    expect(rows[0]!.n).toBe(0);

    audit.clear();
    const done = await em.fork().transactional(service([closeCurrentStage]));
    // The change is audited: the termination created, the stage updated with before and after.
    expect(audit.changes.map((c) => [c.entity, c.action, c.recipientId])).toEqual([
      ['Termination', 'create', id],
      ['Stage', 'update', id],
    ]);
    expect(audit.changes[1]!.before).toMatchObject({ endedOn: null });
    expect(audit.changes[1]!.after).toMatchObject({ endedOn: '2026-01-12', endReason: 'TERMINATED' });
    expect(done.effectiveOn).toBe('2026-01-12');
    const h = await history(id);
    expect(h.currentStage).toBeNull();
    expect(h.stages[0]).toMatchObject({
      endedOn: '2026-01-12',
      endReason: 'TERMINATED',
      terminationReason: 'DEATH',
    });
  });

  it('refuses an unknown stage kind and a malformed id before anything runs', async () => {
    const bad = await t.gql(START, { input: { recipientId: people[3]!.id, kind: 'FINAL' } });
    expect(bad.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const badId = await t.gql(START, { input: { recipientId: 'nobody', kind: 'PREPARATORY' } });
    expect(badId.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(badId.errors?.[0]?.extensions?.field).toBe('recipientId');
    expect(badId.errors?.[0]?.message).toMatch(/Получатель/);
  });

  it('tells one story per demo person: stages only after a grant, one provider, housing and plan while served', async () => {
    // The demo is laid out around its "today", 2026-11-20 (DEMO_TODAY).
    setToday('2026-11-20');
    interface DemoNode {
      id: string;
      applications: { decision: string | null; decidedOn: string | null }[];
      assessments: { assessedOn: string; recommendedService: { code: string } }[];
      currentStage: { kind: string; providerId: string | null } | null;
      stages: {
        kind: string;
        startedOn: string;
        endReason: string | null;
        providerId: string | null;
        serviceType: string | null;
        readinessReviews: { outcome: string }[];
      }[];
      housing: { current: { fromDate: string } | null; history: { toDate: string | null }[] };
      servicePlans: { toDate: string | null; provider: { id: string } }[];
    }
    const res = ok(
      await t.gql<{ recipients: { edges: { node: DemoNode }[] } }>(
        `{ recipients(first: 50) { edges { node { id
          applications { decision decidedOn }
          assessments { assessedOn recommendedService { code } }
          currentStage { kind providerId }
          stages { kind startedOn endReason providerId serviceType readinessReviews { outcome } }
          housing { current { fromDate } history { toDate } }
          servicePlans { toDate provider { id } } } } } }`,
      ),
    );
    const fixtures = new Set(people.map((p) => p.id));
    const nodes = res.recipients.edges.map((e) => e.node).filter((n) => !fixtures.has(n.id));
    expect(nodes).toHaveLength(40);
    for (const n of nodes) {
      const grant = n.applications.find((a) => a.decision === 'GRANTED');
      if (n.stages.length === 0) continue;
      // seed 001 §13 е, §14: stages only after a grant, and not before it
      expect(grant).toBeDefined();
      expect(n.stages[0]!.startedOn > grant!.decidedOn!).toBe(true);
      // one provider through the stages, and the same one on the service plan
      const providers = new Set(n.stages.map((s) => s.providerId));
      expect(providers.size).toBe(1);
      for (const plan of n.servicePlans) expect(providers.has(plan.provider.id)).toBe(true);
      const main = n.stages.find((s) => s.kind === 'MAIN');
      // seed 001 §9.1: the main stage takes the type the latest assessment gave
      if (main) {
        const latest = [...n.assessments].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0]!;
        expect(main.serviceType).toBe(latest.recommendedService.code);
      }
      const kind = n.currentStage?.kind ?? null;
      if (kind === 'TRAINING' || kind === 'MAIN') {
        expect(n.housing.current).not.toBeNull();
        expect(n.servicePlans.some((p) => p.toDate === null)).toBe(true);
      }
      // seed 001 §17: a terminated person keeps the history, with nothing left open
      if (n.stages.some((s) => s.endReason === 'TERMINATED')) {
        expect(n.currentStage).toBeNull();
        expect(n.housing.current).toBeNull();
        expect(n.housing.history.every((h) => h.toDate !== null)).toBe(true);
        expect(n.servicePlans.every((p) => p.toDate !== null)).toBe(true);
      }
    }
    const current = (kind: string) => nodes.filter((n) => n.currentStage?.kind === kind).length;
    expect(current('PREPARATORY')).toBeGreaterThan(0);
    expect(current('TRAINING')).toBeGreaterThan(0);
    expect(current('MAIN')).toBeGreaterThan(0);
    expect(nodes.filter((n) => n.stages.some((s) => s.endReason === 'TERMINATED')).length).toBeGreaterThan(0);
    // People not granted (fresh, under review, another form of service) have no stage at all.
    expect(
      nodes.some((n) => n.stages.length === 0 && !n.applications.some((a) => a.decision === 'GRANTED')),
    ).toBe(true);
  });

  it('costs the same number of SQL statements for recipients { stages } on 5 people as on 40', async () => {
    const query = `query($first: Int) { recipients(first: $first) { edges { node { id
      currentStage { kind } stages { kind startedOn readinessReviews { outcome } } } } } }`;
    const cost = async (first: number) => {
      t.resetQueries();
      ok(await t.gql(query, { first }));
      return t.queries.get('social')?.length;
    };
    const small = await cost(5);
    expect(await cost(40)).toBe(small);
    // the page, the stages of its people, the reviews of those stages, the audit insert
    expect(small).toBe(4);
  });
});
