import { Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const LIST = `query($filter: MedicalConclusionFilter, $first: Int, $after: String) {
  medicalConclusions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id recipientId issuedOn contraindicationsPresent validUntil organisation recipient { id lastName } } }
  } }`;

interface Node {
  id: string;
  recipientId: string;
  issuedOn: string;
  contraindicationsPresent: boolean;
  validUntil: string | null;
  recipient: { id: string; lastName: string } | null;
}
type Page = {
  medicalConclusions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

describe('the list of all medical conclusions', () => {
  let t: TestSystem;
  const health = { as: Role.HEALTH_OFFICER };

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' } });
  });
  afterAll(() => t.stop());

  it('pages newest first with the person’s name, and filters by contraindications and expiry', async () => {
    const all = await t.gql<Page>(LIST, { first: 200 }, health);
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.medicalConclusions.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(2);
    expect(all.data!.medicalConclusions.totalCount).toBe(nodes.length);
    const order = nodes.map((n) => n.issuedOn);
    expect(order).toEqual([...order].sort().reverse());
    for (const n of nodes)
      expect(n.recipient).toMatchObject({ id: n.recipientId, lastName: expect.any(String) });

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Page | null } = await t.gql<Page>(LIST, { first: 2, after }, health);
      seen.push(...page.data!.medicalConclusions.edges.map((e) => e.node.id));
      if (!page.data!.medicalConclusions.pageInfo.hasNextPage) break;
      after = page.data!.medicalConclusions.pageInfo.endCursor;
    }
    expect(seen).toEqual(nodes.map((n) => n.id));

    const ids = async (filter: Record<string, unknown>) =>
      (await t.gql<Page>(LIST, { filter, first: 200 }, health)).data!.medicalConclusions.edges.map(
        (e) => e.node.id,
      );
    expect(await ids({ contraindicationsPresent: false })).toEqual(
      nodes.filter((n) => !n.contraindicationsPresent).map((n) => n.id),
    );
    const cut = nodes.map((n) => n.validUntil).find(Boolean)!;
    expect(await ids({ validUntilBefore: cut })).toEqual(
      nodes.filter((n) => n.validUntil !== null && n.validUntil < cut).map((n) => n.id),
    );
  });

  it('reads a page in the same number of statements for 2 and 50 rows, and records the read once', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql(
        `query($first: Int) { medicalConclusions(first: $first) { edges { node { id issuedOn recipient { lastName } } } } }`,
        { first },
        health,
      );
      expect(res.errors).toBeUndefined();
      return { health: t.queries.get('health')?.length, social: t.queries.get('social')?.length };
    };
    const small = await cost(2);
    expect(await cost(50)).toEqual(small);
    // health: the page and its audit insert; social: the people and their consents to share with
    // health (one batch each), and its audit insert
    expect(small).toEqual({ health: 2, social: 3 });
  });

  // A coordinator reads a conclusion only on a case they coordinate (HEALTH_OWN_CASE_ONLY): a list
  // over all people cannot apply that rule, so it is for health officers only.
  it('is refused to coordinators, other ministries and the anonymous', async () => {
    for (const as of [Role.COORDINATOR, Role.EDUCATION_OFFICER, Role.COUNCIL_MEMBER]) {
      const res = await t.gql(LIST, { first: 1 }, { as });
      expect({ as, code: res.errors?.[0]?.extensions?.code }).toEqual({ as, code: 'FORBIDDEN' });
    }
    const anonymous = await t.gql(LIST, { first: 1 }, { as: 'anonymous' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
