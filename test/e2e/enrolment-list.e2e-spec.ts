import { Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const LIST = `query($filter: EnrolmentFilter, $first: Int, $after: String) {
  enrolments(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id recipientId level status startDate organisation recipient { id lastName } } }
  } }`;

interface Node {
  id: string;
  recipientId: string;
  level: string;
  status: string;
  startDate: string;
  recipient: { id: string; lastName: string } | null;
}
type Page = {
  enrolments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

describe('the list of all education enrolments', () => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '30' } });
  });
  afterAll(() => t.stop());

  it('pages by latest start, each with the person’s name from social, and filters by level and status', async () => {
    const all = await t.gql<Page>(LIST, { first: 200 }, { as: Role.EDUCATION_OFFICER });
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.enrolments.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(2);
    expect(all.data!.enrolments.totalCount).toBe(nodes.length);
    const order = nodes.map((n) => n.startDate);
    expect(order).toEqual([...order].sort().reverse());
    for (const n of nodes)
      expect(n.recipient).toMatchObject({ id: n.recipientId, lastName: expect.any(String) });

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Page | null } = await t.gql<Page>(
        LIST,
        { first: 2, after },
        { as: Role.EDUCATION_OFFICER },
      );
      seen.push(...page.data!.enrolments.edges.map((e) => e.node.id));
      if (!page.data!.enrolments.pageInfo.hasNextPage) break;
      after = page.data!.enrolments.pageInfo.endCursor;
    }
    expect(seen).toEqual(nodes.map((n) => n.id));

    const { level, status } = nodes[0]!;
    const filtered = await t.gql<Page>(LIST, { filter: { level, status }, first: 200 });
    expect(filtered.data!.enrolments.edges.map((e) => e.node.id)).toEqual(
      nodes.filter((n) => n.level === level && n.status === status).map((n) => n.id),
    );
  });

  it('reads a page in the same number of statements for 2 and 50 rows, and records the read once', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql(
        `query($first: Int) { enrolments(first: $first) { edges { node { id level recipient { lastName } } } } }`,
        { first },
        { as: Role.EDUCATION_OFFICER },
      );
      expect(res.errors).toBeUndefined();
      return { education: t.queries.get('education')?.length, social: t.queries.get('social')?.length };
    };
    const small = await cost(2);
    expect(await cost(50)).toEqual(small);
    // education: the page and its audit insert; social: the people and their consents to share with
    // education (one batch each), and its audit insert
    expect(small).toEqual({ education: 2, social: 3 });
  });

  it('is education’s: refused to a health officer and to the anonymous', async () => {
    const health = await t.gql(LIST, { first: 1 }, { as: Role.HEALTH_OFFICER });
    expect(health.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(LIST, { first: 1 }, { as: 'anonymous' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
