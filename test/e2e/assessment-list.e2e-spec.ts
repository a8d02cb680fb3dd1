import { Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const LIST = `query($filter: AssessmentFilter, $first: Int, $after: String) {
  assessments(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id recipientId assessedOn score degree reassessmentDueOn recipient { id lastName firstName } } }
  } }`;

interface Node {
  id: string;
  recipientId: string;
  assessedOn: string;
  degree: string;
  reassessmentDueOn: string;
  recipient: { id: string; lastName: string } | null;
}
type Page = {
  assessments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

describe('the list of all assessments of need', () => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' } });
  });
  afterAll(() => t.stop());

  it('pages newest first by keyset, each with its person, and filters by degree and re-assessment date', async () => {
    const all = await t.gql<Page>(LIST, { first: 200 });
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.assessments.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(3);
    expect(all.data!.assessments.totalCount).toBe(nodes.length);
    const order = nodes.map((n) => n.assessedOn);
    expect(order).toEqual([...order].sort().reverse());
    for (const n of nodes) expect(n.recipient?.id).toBe(n.recipientId);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Page | null } = await t.gql<Page>(LIST, { first: 2, after });
      seen.push(...page.data!.assessments.edges.map((e) => e.node.id));
      if (!page.data!.assessments.pageInfo.hasNextPage) break;
      after = page.data!.assessments.pageInfo.endCursor;
    }
    expect(seen).toEqual(nodes.map((n) => n.id));

    const degree = nodes[0]!.degree;
    const byDegree = await t.gql<Page>(LIST, { filter: { degree }, first: 200 });
    expect(byDegree.data!.assessments.edges.map((e) => e.node.id)).toEqual(
      nodes.filter((n) => n.degree === degree).map((n) => n.id),
    );
    const cut = nodes[Math.floor(nodes.length / 2)]!.reassessmentDueOn;
    const due = await t.gql<Page>(LIST, { filter: { reassessmentDueBefore: cut }, first: 200 });
    expect(due.data!.assessments.edges.map((e) => e.node.id)).toEqual(
      nodes.filter((n) => n.reassessmentDueOn < cut).map((n) => n.id),
    );
  });

  it('reads a page in the same number of statements for 2 and 50 rows, and records the read once', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql(
        `query($first: Int) { assessments(first: $first) { edges { node { id score recipient { lastName } } } } }`,
        { first },
      );
      expect(res.errors).toBeUndefined();
      return t.queries.get('social')?.length;
    };
    const small = await cost(2);
    expect(await cost(50)).toBe(small);
    expect(small).toBe(3); // the page, the people (one batch), the audit insert
  });

  it('is the case’s: refused to a health officer and to the anonymous', async () => {
    const health = await t.gql(LIST, { first: 1 }, { as: Role.HEALTH_OFFICER });
    expect(health.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(LIST, { first: 1 }, { as: 'anonymous' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
