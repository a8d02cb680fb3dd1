import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type Call, graphqlCheck } from './load.js';

export const SCENARIOS = ['card', 'list', 'indicators', 'writes', 'import'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** The dashboard's card for a coordinator (packages/dashboard/src/data/registry.ts, oneFields). */
export const CARD = /* GraphQL */ `
  query Card($id: ID!, $from: LocalDate!, $to: LocalDate!) {
    recipient(id: $id) {
      id snils lastName firstName patronymic birthDate sex municipality version
      address phone email legalCapacity
      disabilityGroup ipraNumber ipraDate autonomyDegree
      applications { id submittedOn status decisionDueOn decision decidedOn missingDocuments }
      assessments { id assessedOn assessor score degree reassessmentDueOn }
      interagencyRequests { id agency subject sentOn overdue }
      stages { id kind startedOn endedOn current providerId serviceType }
      visits(from: $from, to: $to) { id plannedAt delivered hoursDelivered staffMember { id fullName role } }
      housing { current { id fromDate unit { id address municipality kind } } }
      servicePlans { id hoursPerWeek fromDate }
      medicalConclusions { id issuedOn contraindicationsPresent organisation validUntil }
      enrolments { id level organisation programme form startDate endDate status }
      pmpkRecommendations { id issuedOn commission programme conditions }
      guidanceSessions { id heldOn organisation suggestedProfessions }
      placements { id employer { id name } position workKind startDate endDate supported quota }
      workRecommendations { id workKind verdict ipraNumber }
    }
  }
`;

/** The dashboard's list of recipients for a coordinator, filtered and sorted. */
export const LIST = /* GraphQL */ `
  query List($first: Int, $after: String, $filter: RecipientFilter, $orderBy: RecipientOrder) {
    recipients(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id snils lastName firstName patronymic birthDate municipality autonomyDegree
        currentStage { id kind providerId } } }
    }
  }
`;

const COUNTS = 'agencyId agencyName total done inProgress notStarted late';
/** The Council page's figures (packages/dashboard/src/council/councilData.ts). */
export const COUNCIL_FIGURES = /* GraphQL */ `
  query CouncilFigures {
    indicators {
      asOf peopleIdentified councilDecisionsOverdue reassessmentsOverdue
      roadmapTotals { ${COUNTS} }
      roadmapByAgency { ${COUNTS} }
      targets { indicator value comparator unit text itemNumber }
      applications { submitted decided decidedOnTime shareDecidedOnTime pending pendingOverdue }
      peopleByStage { key label people }
      peopleByAutonomyDegree { key label people }
      housing { kind units places occupied }
      trainingFlatPlaces trainingFlatOccupied otherHousingPlaces otherHousingOccupied
      peopleEmployed peopleInSupportedEmployment peopleOnQuotaJobs registeredUnemployed peopleInEducation
    }
    lateObligations(first: 50) {
      totalCount
      edges { node { id dueDate daysOverdue item { number measure } responsibleAgency { name } } }
    }
    councilDecisions(first: 50, filter: { overdue: true }) {
      edges { node { id number text dueDate assignee { name } } }
    }
  }
`;
/** …and its series: a year of month ends (the page sends both). */
export const COUNCIL_SERIES = /* GraphQL */ `
  query CouncilSeries($from: LocalDate!, $to: LocalDate!) {
    indicatorSeries(from: $from, to: $to) { asOf peopleByStage { key label people } }
  }
`;

const SCHEDULE_VISIT = /* GraphQL */ `
  mutation ScheduleVisit($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id } }
`;
const RECORD_VISIT = /* GraphQL */ `
  mutation RecordVisit($input: RecordVisitInput!) { recordVisit(input: $input) { id delivered } }
`;
const PLACE = /* GraphQL */ `
  mutation Place($input: PlaceRecipientInput!) { placeRecipient(input: $input) { id } }
`;
const REPORT = /* GraphQL */ `
  mutation Report($input: ProgressReportInput!) { reportProgress(input: $input) { id } }
`;
const IMPORT = /* GraphQL */ `
  mutation Import($input: RoadmapImportInput!) {
    importRoadmap(input: $input) { outcome sectionCount itemCount created roadmap { id } }
  }
`;

export const PAGE_SIZE = 25;
const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

const gql = (
  authorization: string,
  query: string,
  variables: Record<string, unknown>,
  kind?: string,
): Call => ({
  path: '/graphql',
  headers: { authorization },
  body: JSON.stringify({ query, variables }),
  ...(kind ? { kind } : {}),
});

export interface Tokens {
  coordinator: string;
  employment: string;
  council: string;
}

/** What the scenarios draw their requests from, sampled from the database up front as its owner. */
export interface Fixtures {
  rowCounts: Record<string, number>;
  recipientIds: string[];
  list: { municipality: string; total: number; depth: number; after: string; birthDate: string; id: string };
  visitPairs: { recipientId: string; staffMemberId: string }[];
  employerIds: string[];
  obligationIds: string[];
}

export async function loadFixtures(databaseUrl: string, base: string, tokens: Tokens): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (table: string) =>
      Number((await client.query(`select count(*)::bigint as n from ${table}`)).rows[0].n);
    const rowCounts: Record<string, number> = {};
    for (const table of [
      'social.recipient',
      'social.application',
      'social.stage',
      'social.visit',
      'health.medical_conclusion',
      'education.enrolment',
      'employment.placement',
      'coordination.obligation',
      'access.audit_event',
    ])
      rowCounts[table] = await count(table);
    const recipientIds = (
      await client.query<{ id: string }>('select id from social.recipient order by random() limit 2000')
    ).rows.map((r) => r.id);
    const biggest = (
      await client.query<{ municipality: string; n: string }>(
        'select municipality, count(*) as n from social.recipient group by 1 order by 2 desc, 1 limit 1',
      )
    ).rows[0]!;
    // A visit is planned by staff of the provider whose plan covers the day: pairs whose plan has
    // run for the last four weeks, so any time in that window is valid.
    const visitPairs = (
      await client.query<{ recipientId: string; staffMemberId: string }>(
        `select sp.recipient_id as "recipientId", sm.id as "staffMemberId"
           from social.service_plan sp join social.staff_member sm on sm.provider_id = sp.provider_id
          where sp.from_date <= current_date - 30 and (sp.to_date is null or sp.to_date >= current_date)
          order by random() limit 2000`,
      )
    ).rows;
    const employerIds = (
      await client.query<{ id: string }>('select id from employment.employer limit 200')
    ).rows.map((r) => r.id);
    const obligationIds = (
      await client.query<{ id: string }>(
        `select id from coordination.obligation where status <> 'CANCELLED' limit 500`,
      )
    ).rows.map((r) => r.id);
    const total = Number(biggest.n);
    const depth = Math.max(0, Math.floor(total * 0.9) - PAGE_SIZE);
    const deep = await deepCursor(base, tokens.coordinator, biggest.municipality, depth);
    const after = deep?.cursor ?? null;
    // The graph's cursor is opaque (sealed): the floor pages from the row it points after.
    const { birthDate, id } = deep?.last ?? {
      birthDate: '9999-12-31',
      id: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
    };
    return {
      rowCounts,
      recipientIds,
      list: { municipality: biggest.municipality, total, depth, after: after ?? '', birthDate, id },
      visitPairs,
      employerIds,
      obligationIds,
    };
  } finally {
    await client.end();
  }
}

const LIST_VARIABLES = (municipality: string) => ({
  filter: { municipality },
  orderBy: { field: 'BIRTH_DATE', direction: 'DESC' },
});

/** Walks the list through the graph to the row at `depth`, as the dashboard's "next" does. */
async function deepCursor(base: string, authorization: string, municipality: string, depth: number) {
  let after: string | null = null;
  let last: { birthDate: string; id: string } | null = null;
  let reached = 0;
  while (reached < depth) {
    const first = Math.min(200, depth - reached);
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: WALK, variables: { ...LIST_VARIABLES(municipality), first, after } }),
    });
    const body = (await res.json()) as {
      data?: {
        recipients: {
          pageInfo: { endCursor: string | null };
          edges: { node: { birthDate: string; id: string } }[];
        };
      };
      errors?: unknown;
    };
    if (!body.data) throw new Error(`walking the list failed: ${JSON.stringify(body.errors)}`);
    after = body.data.recipients.pageInfo.endCursor;
    last = body.data.recipients.edges.at(-1)?.node ?? last;
    reached += first;
  }
  return after && last ? { cursor: after, last } : null;
}

/** The list's page as `deepCursor` walks it: the cursor, and the row it points after. */
const WALK = /* GraphQL */ `
  query Walk($filter: RecipientFilter, $orderBy: RecipientOrder, $first: Int, $after: String) {
    recipients(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      pageInfo { endCursor }
      edges { node { id birthDate } }
    }
  }
`;

/**
 * Removes the roadmaps the import scenario created (their regions carry `-bench-`), with their
 * items, obligations and reports: a region has a roadmap or two, and a thousand left from earlier
 * runs would make the Council's scenario measure the bench's own leftovers.
 */
export async function forgetBenchImports(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`delete from coordination.roadmap where region like '%-bench-%'`);
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * Reads the profile's indexes, then its tables, into PostgreSQL's page cache (pg_prewarm), smallest
 * first, as far as the cache holds them: a server that has run for a while has its working set in
 * memory, and a few seconds of warm-up cannot read gigabytes page by page from a disk. The figures'
 * per-owner steps and the audit trail are left out: no request reads them.
 */
export async function prewarm(
  databaseUrl: string,
): Promise<{ sharedBuffersMb: number; prewarmedMb: number; databaseMb: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_prewarm');
    const budget = Number(
      (
        await client.query<{ bytes: string }>(
          `select setting::bigint * 8192 as bytes from pg_settings where name = 'shared_buffers'`,
        )
      ).rows[0]!.bytes,
    );
    const { rows } = await client.query<{ oid: number; bytes: string }>(
      `select c.oid, pg_relation_size(c.oid) as bytes
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('social', 'health', 'education', 'employment', 'coordination', 'access')
          and c.relkind in ('r', 'i') and c.relname not like 'figure_owner%' and c.relname not like 'audit_event%'
        order by c.relkind = 'r', 2, 1`,
    );
    const total = rows.reduce((s, r) => s + Number(r.bytes), 0);
    let warmed = 0;
    for (const r of rows) {
      // Leave a tenth of the cache to the requests' own pages.
      if (warmed + Number(r.bytes) > budget * 0.9) break;
      await client.query('select pg_prewarm($1::regclass)', [r.oid]);
      warmed += Number(r.bytes);
    }
    const mb = (b: number) => Math.round(b / 1048576);
    return { sharedBuffersMb: mb(budget), prewarmedMb: mb(warmed), databaseMb: mb(total) };
  } finally {
    await client.end();
  }
}

/** Letters only: a region code matches /^[a-z][a-z-]+$/. */
function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

const SEEDS = ['kaliningrad-000', 'novosibirsk-003', 'astrakhan-004'] as const;
/** Seed 004 has no title above its table; the import then takes one from the form. */
const TITLES: Record<string, string> = {
  'astrakhan-004': 'Дорожная карта комплексной реабилитации и абилитации инвалидов Астраханской области',
};

export interface ScenarioLoad {
  /** Gateway requests. */
  next: (n: number) => Call;
  check: (body: string, call: Call) => string | null;
  /** The same data from the floor, for the scenarios that have one. */
  floor?: { next: (n: number) => Call; check: (body: string) => string | null };
  /** Heavy scenarios run with fewer connections. */
  connections?: number;
}

export function scenarioLoad(
  scenario: Scenario,
  fixtures: Fixtures,
  tokens: Tokens,
  root: string,
  runTag: string,
): ScenarioLoad {
  const now = Date.now();
  const window = { from: isoDay(now - 31 * DAY), to: isoDay(now + 31 * DAY) };
  switch (scenario) {
    case 'card': {
      const ids = fixtures.recipientIds;
      return {
        next: (n) => gql(tokens.coordinator, CARD, { id: ids[n % ids.length], ...window }),
        check: (body) => graphqlCheck(body) ?? (body.includes('"recipient":null') ? 'no recipient' : null),
        floor: {
          next: (n) => ({
            method: 'GET',
            path: `/card?id=${ids[n % ids.length]}&from=${window.from}&to=${window.to}`,
          }),
          check: (body) => (body === 'null' ? 'no recipient' : null),
        },
      };
    }
    case 'list': {
      const l = fixtures.list;
      const variables = { ...LIST_VARIABLES(l.municipality), first: PAGE_SIZE, after: l.after || null };
      return {
        next: () => gql(tokens.coordinator, LIST, variables),
        check: (body) => graphqlCheck(body) ?? (body.includes('"edges":[]') ? 'empty page' : null),
        floor: {
          next: () => ({
            method: 'GET',
            path: `/list?municipality=${encodeURIComponent(l.municipality)}&birthDate=${l.birthDate}&id=${l.id}&first=${PAGE_SIZE}`,
          }),
          check: (body) => (body.includes('"rows":[]') ? 'empty page' : null),
        },
      };
    }
    case 'indicators': {
      const to = isoDay(now);
      const start = new Date(now);
      const from = isoDay(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 11, 1));
      return {
        // The page sends both queries; the scenario alternates them.
        next: (n) =>
          n % 2 === 0
            ? gql(tokens.council, COUNCIL_FIGURES, {})
            : gql(tokens.council, COUNCIL_SERIES, { from, to }),
        check: graphqlCheck,
      };
    }
    case 'writes': {
      const scheduled: string[] = [];
      const pairs = fixtures.visitPairs;
      const employers = fixtures.employerIds;
      const obligations = fixtures.obligationIds;
      if (pairs.length === 0 || employers.length === 0 || obligations.length === 0)
        throw new Error('writes: the data has no service plans with staff, employers or obligations');
      let visits = 0;
      return {
        // Per four requests: schedule a visit, record one scheduled before, place someone in work,
        // report progress on an obligation. Every request carries its own data.
        next: (n) => {
          const step = n % 4;
          if (step === 1 && scheduled.length > 0)
            return gql(
              tokens.coordinator,
              RECORD_VISIT,
              { input: { visitId: scheduled.shift(), delivered: true, hoursDelivered: 0.25 } },
              'record',
            );
          if (step <= 1) {
            const k = visits++;
            const pair = pairs[k % pairs.length]!;
            // Spread over the last 25 days, a minute apart per round of pairs: no person nears
            // 24 delivered hours a day.
            const plannedAt = new Date(
              now - 3_600_000 - ((k * 37 * 60_000) % (25 * DAY)) - Math.floor(k / pairs.length) * 1000,
            );
            return gql(
              tokens.coordinator,
              SCHEDULE_VISIT,
              { input: { ...pair, plannedAt: plannedAt.toISOString() } },
              'schedule',
            );
          }
          if (step === 2)
            return gql(tokens.employment, PLACE, {
              input: {
                recipientId: fixtures.recipientIds[n % fixtures.recipientIds.length],
                employerId: employers[n % employers.length],
                position: `Помощник (нагрузочный прогон ${runTag}, № ${n})`,
                workKind: 'LIGHT_MANUAL',
                startDate: isoDay(now - (n % 300) * DAY),
              },
            });
          return gql(tokens.coordinator, REPORT, {
            input: {
              obligationId: obligations[n % obligations.length],
              text: `Отчёт о ходе исполнения (нагрузочный прогон ${runTag}, № ${n})`,
            },
          });
        },
        check: (body, call) => {
          const problem = graphqlCheck(body);
          if (!problem && call.kind === 'schedule')
            scheduled.push(
              (JSON.parse(body) as { data: { scheduleVisit: { id: string } } }).data.scheduleVisit.id,
            );
          return problem;
        },
      };
    }
    case 'import': {
      const files = SEEDS.map((name) =>
        readFileSync(path.join(root, 'packages/coordination/src/fixtures/seeds', `${name}.txt`)).toString(
          'base64',
        ),
      );
      return {
        // A fresh region per import, so each one creates its roadmap (the same region and title
        // would only find it UNCHANGED).
        next: (n) =>
          gql(tokens.coordinator, IMPORT, {
            input: {
              region: `${SEEDS[n % 3]!.split('-')[0]}-bench-${runTag}-${letters(Math.floor(n / 3))}`,
              filename: `${SEEDS[n % 3]}.txt`,
              contentBase64: files[n % 3],
              ...(TITLES[SEEDS[n % 3]!] ? { title: TITLES[SEEDS[n % 3]!] } : {}),
            },
          }),
        check: (body) =>
          graphqlCheck(body) ??
          (body.includes('"outcome":"CREATED"') ? null : `not created: ${body.slice(0, 200)}`),
        connections: 2,
      };
    }
  }
}
