import { Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const LIST = `query($filter: PlacementFilter, $first: Int, $after: String) {
  placements(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id recipientId position workKind startDate endDate supported
      employer { id name } recipient { id lastName } } }
  } }`;

interface Node {
  id: string;
  recipientId: string;
  workKind: string;
  startDate: string;
  endDate: string | null;
  supported: boolean;
  employer: { id: string; name: string };
  recipient: { id: string; lastName: string } | null;
}
type Page = {
  placements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

describe('the list of all job placements', () => {
  let t: TestSystem;
  const employment = { as: Role.EMPLOYMENT_OFFICER };

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '40' } });
  });
  afterAll(() => t.stop());

  it('pages by latest start with employer and person, and filters by employer, support and being under way', async () => {
    const all = await t.gql<Page>(LIST, { first: 200 }, employment);
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.placements.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(2);
    expect(all.data!.placements.totalCount).toBe(nodes.length);
    const order = nodes.map((n) => n.startDate);
    expect(order).toEqual([...order].sort().reverse());
    for (const n of nodes)
      expect(n.recipient).toMatchObject({ id: n.recipientId, lastName: expect.any(String) });

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Page | null } = await t.gql<Page>(LIST, { first: 2, after }, employment);
      seen.push(...page.data!.placements.edges.map((e) => e.node.id));
      if (!page.data!.placements.pageInfo.hasNextPage) break;
      after = page.data!.placements.pageInfo.endCursor;
    }
    expect(seen).toEqual(nodes.map((n) => n.id));

    const ids = async (filter: Record<string, unknown>) =>
      (await t.gql<Page>(LIST, { filter, first: 200 }, employment)).data!.placements.edges.map(
        (e) => e.node.id,
      );
    const employerId = nodes[0]!.employer.id;
    expect(await ids({ employerId })).toEqual(
      nodes.filter((n) => n.employer.id === employerId).map((n) => n.id),
    );
    expect(await ids({ supported: true })).toEqual(nodes.filter((n) => n.supported).map((n) => n.id));
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids({ current: true })).toEqual(
      nodes
        .filter((n) => n.startDate <= today && (n.endDate === null || n.endDate >= today))
        .map((n) => n.id),
    );
  });

  it('reads a page in the same number of statements for 2 and 50 rows, and records the read once', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql(
        `query($first: Int) { placements(first: $first) { edges { node { id position employer { name } recipient { lastName } } } } }`,
        { first },
        employment,
      );
      expect(res.errors).toBeUndefined();
      return { employment: t.queries.get('employment')?.length, social: t.queries.get('social')?.length };
    };
    const small = await cost(2);
    expect(await cost(50)).toEqual(small);
    // employment: the page, its employers (one batch) and the audit insert; social: the people and
    // their consents to share with employment (one batch each), and its audit insert
    expect(small).toEqual({ employment: 3, social: 3 });
  });

  it('is employment’s: refused to an education officer and to the anonymous', async () => {
    const education = await t.gql(LIST, { first: 1 }, { as: Role.EDUCATION_OFFICER });
    expect(education.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(LIST, { first: 1 }, { as: 'anonymous' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
