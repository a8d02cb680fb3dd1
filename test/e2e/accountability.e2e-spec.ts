import { agencyIdOf, ManualClock, Role } from '@sl/core';
import mammoth from 'mammoth';
import { seedText, sql, toBase64 } from '../support/roadmap-files.js';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Accountability the Council can rely on (issue 20): agencies of the directory are the unit of
 * accountability, Council decisions are tracked work, lateness is kept, figures are scoped.
 */
const KALININGRAD = {
  social: agencyIdOf('kaliningrad', 'Министерство социальной политики Калининградской области'),
  education: agencyIdOf('kaliningrad', 'Министерство образования Калининградской области'),
  health: agencyIdOf('kaliningrad', 'Министерство здравоохранения Калининградской области'),
};
const ASTRAKHAN_SOCIAL = agencyIdOf(
  'astrakhan',
  'Министерство социального развития и труда Астраханской области',
);

const education = { as: { role: Role.EDUCATION_OFFICER, agencyId: KALININGRAD.education } };
const health = { as: { role: Role.HEALTH_OFFICER, agencyId: KALININGRAD.health } };
const coordinator = { as: { role: Role.COORDINATOR, agencyId: KALININGRAD.social } };

const OBLIGATIONS = /* GraphQL */ `
  query ($filter: ObligationFilter, $first: Int, $after: String) {
    obligations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id dueDate status completedOn daysLate completedLate item { key } } }
    }
  }
`;
const REPORT = /* GraphQL */ `
  mutation ($input: ProgressReportInput!) {
    reportProgress(input: $input) { id authorId authorName agency { id name } }
  }
`;
const DECISION_REPORT = /* GraphQL */ `
  mutation ($input: DecisionReportInput!) {
    reportDecisionProgress(input: $input) { id text reportedOn authorName agency { name } evidence { displayName size } }
  }
`;
const FIGURES = /* GraphQL */ `
  query ($region: String, $roadmapId: ID) {
    indicators(region: $region, roadmapId: $roadmapId) {
      roadmapRegion roadmapId
      roadmapByAgency { agencyId agencyName total done doneLate late }
      roadmapTotals { total done doneLate late }
    }
  }
`;

interface Counts {
  agencyId: string | null;
  agencyName: string | null;
  total: number;
  done: number;
  doneLate: number;
  late: number;
}
interface ObligationNode {
  id: string;
  dueDate: string;
  status: string;
  completedOn: string | null;
  daysLate: number;
  completedLate: boolean;
  item: { key: string };
}

type ObligationPage = {
  obligations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: ObligationNode }[];
  };
};

describe('accountability: agencies, Council decisions as tracked work, lateness, scope', () => {
  let t: TestSystem;
  const clock = new ManualClock(new Date('2025-03-03T09:00:00Z'));
  const roadmaps: Record<string, string> = {};

  const importSeed = async (
    region: string,
    seed: 'kaliningrad-000' | 'novosibirsk-003' | 'astrakhan-004',
  ) => {
    const res = await t.gql<{ importRoadmap: { roadmap: { id: string } } }>(
      `mutation($input: RoadmapImportInput!) { importRoadmap(input: $input) { roadmap { id } } }`,
      {
        input: {
          region,
          filename: `${seed}.txt`,
          title: `Дорожная карта (${region})`,
          contentBase64: toBase64(seedText(seed)),
        },
      },
    );
    expect(res.errors).toBeUndefined();
    roadmaps[region] = res.data!.importRoadmap.roadmap.id;
  };

  /** Every obligation of a filter, page by page (no silent cap). */
  const allObligations = async (filter: Record<string, unknown>) => {
    const out: ObligationNode[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<ObligationPage> = await t.gql<ObligationPage>(OBLIGATIONS, {
        filter,
        first: 100,
        after,
      });
      expect(res.errors).toBeUndefined();
      out.push(...res.data!.obligations.edges.map((e) => e.node));
      if (!res.data!.obligations.pageInfo.hasNextPage) return out;
      after = res.data!.obligations.pageInfo.endCursor;
    }
  };
  const figures = async (vars: { region?: string; roadmapId?: string }) => {
    const res = await t.gql<{
      indicators: { roadmapByAgency: Counts[]; roadmapTotals: Counts; roadmapRegion: string | null };
    }>(FIGURES, vars, { as: Role.COUNCIL_MEMBER });
    expect(res.errors).toBeUndefined();
    return res.data!.indicators;
  };

  beforeAll(async () => {
    t = await startTestSystem({ clock, env: { INDICATORS_MAX_AGE_SECONDS: '0' } });
    await importSeed('kaliningrad', 'kaliningrad-000');
    await importSeed('novosibirsk', 'novosibirsk-003');
    await importSeed('astrakhan', 'astrakhan-004');
  });
  afterAll(() => t.stop());

  it('names each directory agency by the same id everywhere (the id accounts carry)', async () => {
    const res = await t.gql<{ agency: { name: string; region: string } | null }>(
      'query ($id: ID!) { agency(id: $id) { name region } }',
      { id: KALININGRAD.education },
    );
    expect(res.data!.agency).toEqual({
      name: 'Министерство образования Калининградской области',
      region: 'kaliningrad',
    });
  });

  it('counts a co-executing ministry in the per-agency figures (seed 000 items 9, 15, 20: education)', async () => {
    const ownItems = await allObligations({
      roadmapId: roadmaps.kaliningrad,
      agencyId: KALININGRAD.education,
    });
    expect(new Set(ownItems.map((o) => o.item.key))).toEqual(new Set(['9', '15', '20']));
    const scoped = await figures({ region: 'kaliningrad' });
    const row = scoped.roadmapByAgency.find((a) => a.agencyId === KALININGRAD.education);
    expect(row).toMatchObject({
      agencyName: 'Министерство образования Калининградской области',
      total: ownItems.length,
    });
    // Totals count each obligation once, although items 9, 15, 20 count for two ministries.
    const all = await allObligations({ roadmapId: roadmaps.kaliningrad });
    expect(scoped.roadmapTotals.total).toBe(all.length);
    expect(scoped.roadmapByAgency.reduce((s, a) => s + a.total, 0)).toBeGreaterThanOrEqual(
      all.length + ownItems.length,
    );
  });

  it('counts second-named executors of seeds 003 and 004 under their own names', async () => {
    for (const region of ['novosibirsk', 'astrakhan']) {
      const named = await sql<{ agency_id: string; items: number }>(
        t.database.url,
        `select e.agency_id, count(distinct o.id)::int as items
           from coordination.item_executor e
           join coordination.roadmap_item i on i.id = e.item_id and not i.withdrawn
           join coordination.obligation o on o.item_id = i.id and o.status <> 'CANCELLED'
          where i.roadmap_id = $1 and e.agency_id is not null and e.position > 0
          group by e.agency_id`,
        [roadmaps[region]],
      );
      expect(named.length).toBeGreaterThan(0);
      const scoped = await figures({ region });
      for (const { agency_id, items } of named) {
        const row = scoped.roadmapByAgency.find((a) => a.agencyId === agency_id);
        expect(row?.total ?? 0).toBeGreaterThanOrEqual(items);
      }
    }
  });

  it('keeps one region’s and one roadmap’s figures apart from the others', async () => {
    const kaliningrad = await figures({ region: 'kaliningrad' });
    const astrakhan = await figures({ region: 'astrakhan' });
    const everything = await figures({});
    const one = await figures({ roadmapId: roadmaps.astrakhan! });
    expect(kaliningrad.roadmapRegion).toBe('kaliningrad');
    expect(one.roadmapTotals).toEqual(astrakhan.roadmapTotals);
    expect(kaliningrad.roadmapByAgency.every((a) => a.agencyId !== ASTRAKHAN_SOCIAL)).toBe(true);
    const novosibirsk = await figures({ region: 'novosibirsk' });
    expect(everything.roadmapTotals.total).toBe(
      kaliningrad.roadmapTotals.total + astrakhan.roadmapTotals.total + novosibirsk.roadmapTotals.total,
    );
    // The late list of a region is that region's, every item of it, page by page.
    const late = await t.gql<{ lateObligations: { totalCount: number } }>(
      'query ($f: ObligationFilter) { lateObligations(filter: $f, first: 1) { totalCount } }',
      { f: { region: 'kaliningrad' } },
    );
    expect(late.data!.lateObligations.totalCount).toBe(kaliningrad.roadmapTotals.late);
    const refused = await t.gql(
      '{ indicators(region: "Калининград") { roadmapTotals { total } } }',
      {},
      {
        as: Role.COUNCIL_MEMBER,
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('REGION_INVALID');
  });

  it('lists every late item of the chosen region in the meeting brief, past the first hundred', async () => {
    // A second Astrakhan roadmap (seed 004 again, as a later edition) puts the region's late
    // periods past one page of the report's lists.
    const second = await t.gql(
      `mutation($input: RoadmapImportInput!) { importRoadmap(input: $input) { roadmap { id } } }`,
      {
        input: {
          region: 'astrakhan',
          filename: 'astrakhan-004-2.txt',
          title: 'Дорожная карта (astrakhan), вторая редакция',
          contentBase64: toBase64(seedText('astrakhan-004')),
        },
      },
    );
    expect(second.errors).toBeUndefined();
    const late = await t.gql<{ lateObligations: { totalCount: number } }>(
      'query ($f: ObligationFilter) { lateObligations(filter: $f, first: 1) { totalCount } }',
      { f: { region: 'astrakhan' } },
    );
    const total = late.data!.lateObligations.totalCount;
    // seed 004 on 3 March 2025: most of its 2021–2024 periods are past due, twice.
    expect(total).toBeGreaterThan(100);
    const res = await t
      .http()
      .get('/reports/council-brief?asOf=2025-03-03&region=astrakhan')
      .set('Authorization', `Bearer ${await t.tokenFor(Role.COUNCIL_MEMBER)}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const { value: html } = await mammoth.convertToHtml({ buffer: res.body as Buffer });
    expect(html).toContain(`Просроченные мероприятия дорожных карт региона (${total})`);
    // The late list is one table per executing agency: every late period of the region is in it,
    // named by its roadmap and number (the two editions number their items alike).
    const lateTables = html
      .split('Просроченные мероприятия дорожных карт региона')[1]!
      .split('Поручения Совета на контроле')[0]!;
    const rows = [
      ...lateTables.matchAll(
        /<tr><td><p>(.*?)<\/p><\/td>(?:<td><p>.*?<\/p><\/td>){2}<td><p>(.*?)<\/p><\/td>/g,
      ),
    ];
    expect(new Set(rows.map(([, reference, period]) => `${reference}|${period}`)).size).toBe(total);
    expect(html).not.toContain('Калининградской области');
    const bad = await t
      .http()
      .get('/reports/council-brief?region=Астрахань')
      .set('Authorization', `Bearer ${await t.tokenFor(Role.COUNCIL_MEMBER)}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions.code).toBe('REGION_INVALID');
  });

  it('lets a co-executing ministry report, records the author and their agency', async () => {
    const [item9] = (await allObligations({ roadmapId: roadmaps.kaliningrad })).filter(
      (o) => o.item.key === '9',
    );
    const res = await t.gql<{
      reportProgress: { authorId: string; authorName: string; agency: { id: string; name: string } };
    }>(
      REPORT,
      { input: { obligationId: item9!.id, text: 'Открыты две группы профессионального обучения' } },
      education,
    );
    expect(res.errors).toBeUndefined();
    // The report is the author's, not the item's first-named ministry's (social policy).
    expect(res.data!.reportProgress.agency).toEqual({
      id: KALININGRAD.education,
      name: 'Министерство образования Калининградской области',
    });
    expect(res.data!.reportProgress.authorName).toMatch(/^t-education-officer/);
    const read = await t.gql<{ obligation: { reports: { authorName: string; agency: { name: string } }[] } }>(
      'query ($id: ID!) { obligation(id: $id) { reports { authorName agency { name } } } }',
      { id: item9!.id },
    );
    expect(read.data!.obligation.reports).toEqual([
      {
        authorName: res.data!.reportProgress.authorName,
        agency: { name: 'Министерство образования Калининградской области' },
      },
    ]);
  });

  it('refuses a ministry the item does not name, an account without agency and another region, changing nothing', async () => {
    const [item9] = (await allObligations({ roadmapId: roadmaps.kaliningrad })).filter(
      (o) => o.item.key === '9',
    );
    const [item3] = (await allObligations({ roadmapId: roadmaps.kaliningrad })).filter(
      (o) => o.item.key === '3',
    );
    const count = async () =>
      (
        await sql<{ n: number }>(
          t.database.url,
          'select count(*)::int as n from coordination.progress_report',
        )
      )[0]!.n;
    const before = await count();
    const attempts: [unknown, string, string][] = [
      [health, item9!.id, 'NOT_EXECUTING_AGENCY'],
      // Item 3 names social policy alone: education may not report on it.
      [education, item3!.id, 'NOT_EXECUTING_AGENCY'],
      [{ as: Role.EDUCATION_OFFICER }, item9!.id, 'AGENCY_REQUIRED'],
      [{ as: { role: Role.COORDINATOR, agencyId: ASTRAKHAN_SOCIAL } }, item3!.id, 'OTHER_REGION'],
    ];
    for (const [as, obligationId, code] of attempts) {
      const res = await t.gql(REPORT, { input: { obligationId, text: 'Попытка отчёта' } }, as as never);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect(await count()).toBe(before);
    // The region's coordination body reports on any of its obligations.
    const ok = await t.gql(
      REPORT,
      { input: { obligationId: item3!.id, text: 'Проект порядка подготовлен' } },
      coordinator,
    );
    expect(ok.errors).toBeUndefined();
  });

  describe('Council decisions', () => {
    let decisionId: string;
    let otherId: string;

    beforeAll(async () => {
      const res = await t.gql<{ createCouncilMeeting: { decisions: { id: string; number: string }[] } }>(
        `mutation ($input: CouncilMeetingInput!) { createCouncilMeeting(input: $input) { decisions { id number } } }`,
        {
          input: {
            region: 'kaliningrad',
            heldOn: '2025-01-20',
            agenda: 'О ходе обучения инвалидов на сопровождаемом проживании',
            attendees: ['Председатель Совета'],
            protocolNumber: '1',
            decisions: [
              {
                number: '1',
                text: 'Представить предложения по обучению инвалидов на сопровождаемом проживании',
                assigneeAgencyId: KALININGRAD.education,
                dueDate: '2025-02-01',
              },
              {
                number: '2',
                text: 'Обеспечить работу учебно-тренировочного отделения',
                assigneeAgencyId: KALININGRAD.social,
                dueDate: '2025-06-01',
              },
            ],
          },
        },
        coordinator,
      );
      expect(res.errors).toBeUndefined();
      [decisionId, otherId] = res
        .data!.createCouncilMeeting.decisions.sort((a, b) => a.number.localeCompare(b.number))
        .map((d) => d.id) as [string, string];
    });

    it('lets the assigned ministry report progress on its decision with evidence', async () => {
      const res = await t.gql<{
        reportDecisionProgress: {
          authorName: string;
          agency: { name: string };
          evidence: { displayName: string }[];
        };
      }>(
        DECISION_REPORT,
        {
          input: {
            decisionId,
            text: 'Предложения подготовлены и направлены в Совет',
            reportedOn: '2025-02-20',
            evidence: [
              {
                filename: 'предложения.txt',
                mediaType: 'text/plain',
                contentBase64: toBase64('Предложения'),
              },
            ],
          },
        },
        education,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.reportDecisionProgress).toMatchObject({
        agency: { name: 'Министерство образования Калининградской области' },
        evidence: [{ displayName: 'предложения.txt' }],
      });
      const read = await t.gql<{
        councilDecisions: { edges: { node: { status: string; reports: { text: string }[] } }[] };
      }>(
        'query ($f: DecisionFilter) { councilDecisions(filter: $f) { edges { node { status reports { text } } } } }',
        { f: { assigneeAgencyId: KALININGRAD.education, region: 'kaliningrad' } },
        education,
      );
      expect(read.data!.councilDecisions.edges[0]!.node).toEqual({
        status: 'OPEN',
        reports: [{ text: 'Предложения подготовлены и направлены в Совет' }],
      });
    });

    it('refuses a report from a ministry the decision is not assigned to', async () => {
      const res = await t.gql(
        DECISION_REPORT,
        { input: { decisionId: otherId, text: 'Не наше поручение' } },
        education,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_ASSIGNED_AGENCY');
      const none = await t.gql(
        DECISION_REPORT,
        { input: { decisionId, text: 'Без ведомства' } },
        {
          as: Role.EDUCATION_OFFICER,
        },
      );
      expect(none.errors?.[0]?.extensions?.code).toBe('AGENCY_REQUIRED');
    });

    it('refuses a completion date in the future or before the meeting, and changes nothing', async () => {
      const future = await t.gql(
        'mutation ($id: ID!) { setCouncilDecisionStatus(id: $id, status: DONE, doneOn: "2025-03-04") { status } }',
        { id: otherId },
        coordinator,
      );
      expect(future.errors?.[0]?.extensions).toMatchObject({
        code: 'COMPLETION_DATE_IN_FUTURE',
        field: 'doneOn',
      });
      const early = await t.gql(
        'mutation ($id: ID!) { setCouncilDecisionStatus(id: $id, status: DONE, doneOn: "2025-01-19") { status } }',
        { id: otherId },
        coordinator,
      );
      expect(early.errors?.[0]?.extensions?.code).toBe('COMPLETION_DATE_TOO_EARLY');
      const reportedLater = await t.gql(
        DECISION_REPORT,
        { input: { decisionId, text: 'Выполнено', reportedOn: '2025-03-10', done: true } },
        education,
      );
      expect(reportedLater.errors?.[0]?.extensions?.code).toBe('REPORT_DATE_IN_FUTURE');
      const [obligation] = await allObligations({ roadmapId: roadmaps.kaliningrad, status: 'LATE' });
      const obligationFuture = await t.gql(
        'mutation ($id: ID!) { setObligationStatus(id: $id, status: DONE, completedOn: "2025-12-31") { status } }',
        { id: obligation!.id },
        coordinator,
      );
      expect(obligationFuture.errors?.[0]?.extensions?.code).toBe('COMPLETION_DATE_IN_FUTURE');
      const states = await sql<{ status: string }>(
        t.database.url,
        'select status from coordination.council_decision where id = any($1) order by number',
        [[decisionId, otherId]],
      );
      expect(states.map((s) => s.status)).toEqual(['OPEN', 'OPEN']);
      const [still] = (await allObligations({ roadmapId: roadmaps.kaliningrad })).filter(
        (o) => o.id === obligation!.id,
      );
      expect(still!.status).toBe('LATE');
    });

    it('keeps a late completion as late, by how many days, for decisions and obligations alike', async () => {
      const done = await t.gql(
        DECISION_REPORT,
        { input: { decisionId, text: 'Предложения одобрены', reportedOn: '2025-02-25', done: true } },
        education,
      );
      expect(done.errors).toBeUndefined();
      const decision = await t.gql<{
        councilDecisions: {
          edges: {
            node: { status: string; doneOn: string; daysLate: number; doneLate: boolean; overdue: boolean };
          }[];
        };
      }>(
        'query ($f: DecisionFilter) { councilDecisions(filter: $f) { edges { node { status doneOn daysLate doneLate overdue } } } }',
        { f: { assigneeAgencyId: KALININGRAD.education } },
      );
      // Due 1 February, done 25 February: done, 24 days late.
      expect(decision.data!.councilDecisions.edges[0]!.node).toEqual({
        status: 'DONE',
        doneOn: '2025-02-25',
        daysLate: 24,
        doneLate: true,
        overdue: false,
      });
      const onTime = await t.gql<{
        setCouncilDecisionStatus: { doneOn: string; daysLate: number; doneLate: boolean };
      }>(
        'mutation ($id: ID!) { setCouncilDecisionStatus(id: $id, status: DONE, doneOn: "2025-02-28") { doneOn daysLate doneLate } }',
        { id: otherId },
        coordinator,
      );
      expect(onTime.data!.setCouncilDecisionStatus).toEqual({
        doneOn: '2025-02-28',
        daysLate: 0,
        doneLate: false,
      });

      const before = await figures({ region: 'kaliningrad' });
      const [late] = await allObligations({ roadmapId: roadmaps.kaliningrad, status: 'LATE' });
      const closed = await t.gql<{
        setObligationStatus: {
          status: string;
          completedOn: string;
          daysLate: number;
          completedLate: boolean;
        };
      }>(
        'mutation ($id: ID!) { setObligationStatus(id: $id, status: DONE, completedOn: "2025-03-01") { status completedOn daysLate completedLate } }',
        { id: late!.id },
        coordinator,
      );
      expect(closed.errors).toBeUndefined();
      const expectedDays = Math.round((Date.parse('2025-03-01') - Date.parse(late!.dueDate)) / 86_400_000);
      expect(closed.data!.setObligationStatus).toEqual({
        status: 'DONE',
        completedOn: '2025-03-01',
        daysLate: expectedDays,
        completedLate: true,
      });
      const after = await figures({ region: 'kaliningrad' });
      expect(after.roadmapTotals.doneLate).toBe(before.roadmapTotals.doneLate + 1);
      expect(after.roadmapTotals.late).toBe(before.roadmapTotals.late - 1);
    });
  });

  describe('accounts and API clients belong to a directory agency', () => {
    const admin = { as: Role.ADMIN };

    it('takes an agency of the directory by id and refuses a name or an unknown id', async () => {
      const create = (agencyId: string, login: string) =>
        t.gql<{ createAccount: { agencyId: string } }>(
          'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { agencyId } }',
          {
            input: {
              login,
              displayName: 'Смирнова Ольга Петровна',
              password: 'long-enough-password-2026',
              roles: ['EDUCATION_OFFICER'],
              agencyId,
            },
          },
          admin,
        );
      const name = await create('Минобразования', 'officer.name');
      expect(name.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'agencyId' });
      const unknown = await create('00000000-0000-4000-8000-000000000000', 'officer.unknown');
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'AGENCY_UNKNOWN', field: 'agencyId' });
      const accounts = await sql<{ n: number }>(
        t.database.url,
        "select count(*)::int as n from access.account where login like 'officer.%'",
      );
      expect(accounts[0]!.n).toBe(0);
      const ok = await create(KALININGRAD.education, 'officer.ok');
      expect(ok.data!.createAccount.agencyId).toBe(KALININGRAD.education);

      const client = await t.gql(
        'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { client { agencyId } } }',
        {
          input: { name: 'Система Минобразования', agencyId: 'Минобразования', roles: ['EDUCATION_OFFICER'] },
        },
        admin,
      );
      expect(client.errors?.[0]?.extensions?.field).toBe('agencyId');
    });
  });
});
