import { interagencyAgencyOf, ManualClock } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const PEOPLE = /* GraphQL */ `
  query People($first: Int) {
    recipients(first: $first) {
      edges {
        node {
          id autonomyDegree possibleDuplicates { id }
          applications {
            status decision missingDocuments documents { kind receivedOn } eligibilityProblems { code }
          }
          assessments { degree recommendedService { code hours { min max per } } }
          interagencyRequests { agency overdue }
        }
      }
    }
  }
`;
const DEADLINES = /* GraphQL */ `
  query Deadlines($first: Int, $after: String, $filter: DeadlineFilter) {
    deadlines(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { kind itemId recipientId dueOn daysLate agency recipient { id lastName } } }
    }
  }
`;
interface Person {
  autonomyDegree: string | null;
  applications: { status: string; decision: string | null }[];
  assessments: unknown[];
  interagencyRequests: { overdue: boolean }[];
}
interface DeadlineNode {
  kind: string;
  itemId: string;
  dueOn: string;
  daysLate: number;
  agency: string | null;
  recipient: { id: string };
}
interface DeadlinePage {
  deadlines: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: DeadlineNode }[];
  };
}

describe('case lists over the demo data: no N+1, deadlines by the clock', () => {
  let t: TestSystem;
  beforeAll(async () => {
    // The demo data is laid out around 2026-11-20 (DEMO_TODAY).
    t = await startTestSystem({
      clock: new ManualClock(new Date('2026-11-20T09:00:00Z')),
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '60' },
    });
  });
  afterAll(() => t.stop());

  it('gives the demo people cases in every state', async () => {
    const res = await t.gql<{ recipients: { edges: { node: Person }[] } }>(PEOPLE, { first: 60 });
    expect(res.errors).toBeUndefined();
    const people = res.data!.recipients.edges.map((e) => e.node);
    const statuses = new Set(people.flatMap((p) => p.applications.map((a) => a.decision ?? a.status)));
    expect([...statuses].sort()).toEqual(['GRANTED', 'OTHER_FORM', 'SUBMITTED', 'UNDER_REVIEW']);
    expect(people.filter((p) => p.assessments.length > 0).length).toBeGreaterThan(40);
    expect(people.some((p) => p.interagencyRequests.some((r) => r.overdue))).toBe(true);
  });

  it('reads people with applications, documents, assessments and requests in the same number of statements for 5 and 50', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql(PEOPLE, { first });
      expect(res.errors).toBeUndefined();
      return t.queries.get('social')?.length;
    };
    const small = await cost(5);
    const large = await cost(50);
    expect(large).toBe(small);
    // page, duplicates, applications, documents, recipients for eligibility, assessments, requests,
    // and the audit insert
    expect(small).toBeLessThanOrEqual(8);
  });

  it('lists deadlines of every kind, oldest first, each page at a fixed number of statements', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql<DeadlinePage>(DEADLINES, { first });
      expect(res.errors).toBeUndefined();
      return { count: t.queries.get('social')?.length, page: res.data!.deadlines };
    };
    const small = await cost(3);
    const large = await cost(50);
    expect(large.count).toBe(small.count);
    expect(small.count).toBe(4); // the page, the count, the people, the audit insert
    const nodes = large.page.edges.map((e) => e.node);
    expect(new Set(nodes.map((n) => n.kind))).toEqual(
      // seed 002 §14: the demo's last week has a visit not delivered, so some plans fall short;
      // 001 §10: a grant's term of need ends with its re-assessment; 002 §15.2: some demo training
      // stages have had all their reviews without "ready"
      new Set([
        'DECISION',
        'REASSESSMENT',
        'INTERAGENCY_REQUEST',
        'READINESS_REVIEW',
        'SERVICE_HOURS',
        'NEED_TERM',
        'READINESS_EXHAUSTED',
      ]),
    );
    const dues = nodes.map((n) => n.dueOn);
    expect(dues).toEqual([...dues].sort());
    for (const n of nodes) {
      const days = Math.round((Date.parse('2026-11-20') - Date.parse(n.dueOn)) / 86_400_000);
      expect(n.daysLate).toBe(days);
      // seed 001 §14 and §4: decisions and answers are listed once late; §15: re-assessments 30 days ahead
      if (n.kind === 'REASSESSMENT') expect(n.daysLate).toBeGreaterThanOrEqual(-30);
      // 002 §15.2: a review is due by the last day of a half-year window opening within 30 days
      else if (n.kind === 'READINESS_REVIEW') expect(n.daysLate).toBeGreaterThanOrEqual(-(30 + 184));
      else expect(n.daysLate).toBeGreaterThan(0);
      expect(n.kind === 'INTERAGENCY_REQUEST').toBe(n.agency !== null);
    }
  });

  it('walks the deadlines by cursor without gaps or repeats and filters by kind and agency', async () => {
    const all = await t.gql<DeadlinePage>(DEADLINES, { first: 200 });
    const total = all.data!.deadlines.totalCount;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: DeadlinePage = (await t.gql<DeadlinePage>(DEADLINES, { first: 4, after })).data!;
      seen.push(...res.deadlines.edges.map((e) => e.node.itemId));
      after = res.deadlines.pageInfo.hasNextPage ? res.deadlines.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.data!.deadlines.edges.map((e) => e.node.itemId));
    expect(new Set(seen).size).toBe(total);
    const requests = await t.gql<DeadlinePage>(DEADLINES, {
      filter: { kinds: ['INTERAGENCY_REQUEST'], agency: interagencyAgencyOf('kaluga', 'IPRA').name },
      first: 200,
    });
    expect(requests.data!.deadlines.edges.length).toBeGreaterThan(0);
    for (const { node } of requests.data!.deadlines.edges) {
      expect(node).toMatchObject({
        kind: 'INTERAGENCY_REQUEST',
        agency: interagencyAgencyOf('kaluga', 'IPRA').name,
      });
    }
    const forged = await t.gql(DEADLINES, { after: 'garbage' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
    const unknownKind = await t.gql(DEADLINES, { filter: { kinds: ['LUNCH'] } });
    expect(unknownKind.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters people by current stage, degree and serving provider in one statement per page, walking by cursor', async () => {
    const QUERY = /* GraphQL */ `
      query($f: RecipientFilter, $first: Int, $after: String) {
        recipients(filter: $f, first: $first, after: $after, orderBy: { field: NAME, direction: ASC }) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id autonomyDegree currentStage { kind providerId } servicePlans { toDate provider { id } } } }
        }
      }
    `;
    interface Node {
      id: string;
      autonomyDegree: string | null;
      currentStage: { kind: string; providerId: string | null } | null;
      servicePlans: { toDate: string | null; provider: { id: string } }[];
    }
    interface Page {
      recipients: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: Node }[];
      };
    }
    const everyone = await t.gql<Page>(QUERY, { first: 60 });
    const all = everyone.data!.recipients.edges.map((e) => e.node);
    const inTraining = all.filter((n) => n.currentStage?.kind === 'TRAINING');
    expect(inTraining.length).toBeGreaterThan(2);
    const training = await t.gql<Page>(QUERY, { f: { stage: 'TRAINING' }, first: 60 });
    expect(training.errors).toBeUndefined();
    expect(training.data!.recipients.edges.map((e) => e.node.id)).toEqual(inTraining.map((n) => n.id));
    expect(training.data!.recipients.totalCount).toBe(inTraining.length);

    // The serving provider: the current stage's, else the open service plan's.
    const providerOf = (n: Node) =>
      n.currentStage?.providerId ?? n.servicePlans.find((p) => p.toDate === null)?.provider.id ?? null;
    const providerId = providerOf(inTraining[0]!)!;
    const f = { stage: 'TRAINING', providerId, degree: inTraining[0]!.autonomyDegree };
    const expected = inTraining
      .filter((n) => providerOf(n) === providerId && n.autonomyDegree === f.degree)
      .map((n) => n.id);
    const byProvider = await t.gql<Page>(QUERY, { f, first: 60 });
    expect(byProvider.data!.recipients.edges.map((e) => e.node.id)).toEqual(expected);
    const served = await t.gql<Page>(QUERY, { f: { providerId }, first: 60 });
    expect(served.data!.recipients.edges.map((e) => e.node.id)).toEqual(
      all.filter((n) => providerOf(n) === providerId).map((n) => n.id),
    );

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = (await t.gql<Page>(QUERY, { f: { stage: 'TRAINING' }, first: 2, after })).data!;
      seen.push(...page.recipients.edges.map((e) => e.node.id));
      after = page.recipients.pageInfo.hasNextPage ? page.recipients.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(inTraining.map((n) => n.id));

    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql(
        'query($f: RecipientFilter, $first: Int) { recipients(filter: $f, first: $first) { edges { node { id currentStage { kind } } } } }',
        { f: { stage: 'TRAINING', providerId }, first },
      );
      expect(res.errors).toBeUndefined();
      return t.queries.get('social')?.length;
    };
    const small = await cost(1);
    expect(await cost(50)).toBe(small);
    expect(small).toBe(3); // the filtered page, the stages of its people, the audit insert

    const unknownStage = await t.gql(QUERY, { f: { stage: 'FINAL' } });
    expect(unknownStage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
