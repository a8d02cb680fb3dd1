import { Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const LIST = `query($filter: VisitFilter, $first: Int, $after: String) {
  visits(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id recipientId plannedAt delivered hoursDelivered
      staffMember { id fullName provider { id } } recipient { id lastName } } }
  } }`;

interface Node {
  id: string;
  recipientId: string;
  plannedAt: string;
  delivered: boolean;
  staffMember: { id: string; provider: { id: string } };
  recipient: { id: string; lastName: string } | null;
}
type Page = {
  visits: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

describe('the list of all staff visits', () => {
  let t: TestSystem;
  let nodes: Node[];

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' } });
    const all = await t.gql<Page>(LIST, { first: 200 });
    expect(all.errors).toBeUndefined();
    nodes = all.data!.visits.edges.map((e) => e.node);
  });
  afterAll(() => t.stop());

  it('pages latest first with the staff member and the person, and filters by staff, outcome and days', async () => {
    expect(nodes.length).toBeGreaterThan(3);
    const order = nodes.map((n) => n.plannedAt);
    expect(order).toEqual([...order].sort().reverse());
    for (const n of nodes)
      expect(n.recipient).toMatchObject({ id: n.recipientId, lastName: expect.any(String) });

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Page | null } = await t.gql<Page>(LIST, { first: 7, after });
      seen.push(...page.data!.visits.edges.map((e) => e.node.id));
      if (!page.data!.visits.pageInfo.hasNextPage) break;
      after = page.data!.visits.pageInfo.endCursor;
    }
    expect(seen).toEqual(nodes.map((n) => n.id));

    const ids = async (filter: Record<string, unknown>) =>
      (await t.gql<Page>(LIST, { filter, first: 200 })).data!.visits.edges.map((e) => e.node.id);
    const staffMemberId = nodes[0]!.staffMember.id;
    expect(await ids({ staffMemberId })).toEqual(
      nodes.filter((n) => n.staffMember.id === staffMemberId).map((n) => n.id),
    );
    expect(await ids({ delivered: true })).toEqual(nodes.filter((n) => n.delivered).map((n) => n.id));
    // The region's calendar day (Moscow, UTC+3) of the middle visit, from and to that day.
    const day = new Date(Date.parse(nodes[Math.floor(nodes.length / 2)]!.plannedAt) + 3 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    const moscowDay = (n: Node) =>
      new Date(Date.parse(n.plannedAt) + 3 * 3_600_000).toISOString().slice(0, 10);
    expect(await ids({ from: day, to: day })).toEqual(
      nodes.filter((n) => moscowDay(n) === day).map((n) => n.id),
    );
  });

  it('shows provider staff only the visits of their own provider’s team', async () => {
    const providers = [...new Set(nodes.map((n) => n.staffMember.provider.id))];
    expect(providers.length).toBeGreaterThan(1);
    const [mine, theirs] = providers as [string, string];
    const own = await t.gql<Page>(
      LIST,
      { first: 200 },
      { as: { role: Role.PROVIDER_STAFF, providerId: mine } },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.visits.edges.map((e) => e.node.id)).toEqual(
      nodes.filter((n) => n.staffMember.provider.id === mine).map((n) => n.id),
    );
    // Asking for another provider's visits gives none, not theirs.
    const other = await t.gql<Page>(
      LIST,
      { filter: { providerId: theirs }, first: 200 },
      { as: { role: Role.PROVIDER_STAFF, providerId: mine } },
    );
    expect(other.data!.visits.edges.filter((e) => e.node.staffMember.provider.id === theirs)).toEqual([]);
  });

  it('reads a page in the same number of statements for 5 and 50 rows, and records the read once', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql(
        `query($first: Int) { visits(first: $first) { edges { node { id delivered staffMember { fullName } recipient { lastName } } } } }`,
        { first },
      );
      expect(res.errors).toBeUndefined();
      return t.queries.get('social')?.length;
    };
    const small = await cost(5);
    expect(await cost(50)).toBe(small);
    expect(small).toBe(4); // the page, the staff members, the people (one batch each), the audit insert
  });

  it('is refused to the ministries’ officers and to the anonymous', async () => {
    const health = await t.gql(LIST, { first: 1 }, { as: Role.HEALTH_OFFICER });
    expect(health.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(LIST, { first: 1 }, { as: 'anonymous' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
