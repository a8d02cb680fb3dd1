import { demoPeople } from '@sl/core';
import { demoAuthorization } from '../support/demo-session.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const CARD = /* GraphQL */ `
  query Recipients($first: Int, $after: String, $filter: RecipientFilter, $orderBy: RecipientOrder) {
    recipients(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          id snils lastName firstName patronymic birthDate municipality
          medicalConclusions { issuedOn contraindicationsPresent organisation validUntil }
          enrolments { level organisation programme startDate status }
          placements { workKind position startDate supported }
          needRegistryEntry { identifiedOn source }
        }
      }
    }
  }
`;

interface Node {
  id: string;
  snils: string;
  lastName: string;
  medicalConclusions: unknown[];
  enrolments: unknown[];
  placements: unknown[];
  needRegistryEntry: unknown;
}
interface Page {
  recipients: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Node }[];
  };
}

describe('the federated graph through the gateway', () => {
  let t: TestSystem;
  const demo = { authorization: '' };
  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '60' } });
    // The demo coordinator runs the demo cases, so sees their health details (docs/access.md ✓¹).
    demo.authorization = await demoAuthorization(`http://127.0.0.1:${t.system.server.port}`);
  });
  afterAll(() => t.stop());

  it('answers /healthz and /readyz', async () => {
    await t.http().get('/healthz').expect(200, { status: 'ok' });
    await t.http().get('/readyz').expect(200, { status: 'ready' });
  });

  it('resolves one recipients query with fields from all five subgraphs', async () => {
    const res = await t.gql<Page>(CARD, { first: 60 }, demo);
    expect(res.errors).toBeUndefined();
    const { totalCount, edges } = res.data!.recipients;
    expect(totalCount).toBe(60);
    expect(edges).toHaveLength(60);
    // Demo data follows each person's journey: every person is in the need register (coordination)
    // and brought a medical conclusion (health); enrolments (education) and placements (employment)
    // as the journey says.
    const journeys = new Map(demoPeople(60, 'kaluga').map((p) => [p.id, p.journey]));
    expect(edges.every((e) => e.node.needRegistryEntry !== null)).toBe(true);
    expect(edges.filter((e) => e.node.medicalConclusions.length > 0)).toHaveLength(60);
    for (const { node } of edges) {
      const journey = journeys.get(node.id)!;
      expect(node.enrolments.length > 0).toBe(journey.education !== 'NONE');
      expect(node.placements.length > 0).toBe(journey.job !== 'NONE');
    }
    expect(edges.filter((e) => e.node.placements.length > 0).length).toBeGreaterThan(5);
    for (const { node } of edges) expect(node.snils).toMatch(/^\d{11}$/);
  });

  it('walks every page by cursor in name order without gaps or repeats', async () => {
    const seen: string[] = [];
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof t.gql<Page>>> = await t.gql<Page>(CARD, { first: 7, after }, demo);
      expect(res.errors).toBeUndefined();
      const page = res.data!.recipients;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e) => e.node.id));
      names.push(...page.edges.map((e) => e.node.lastName));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(9);
    expect(new Set(seen).size).toBe(60);
    expect([...names]).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ru')));
  });

  it('filters by СНИЛС written with separators', async () => {
    const all = await t.gql<Page>(CARD, { first: 1 }, demo);
    const snils = all.data!.recipients.edges[0]!.node.snils;
    const formatted = `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`;
    const res = await t.gql<Page>(CARD, { filter: { snils: formatted } }, demo);
    expect(res.data!.recipients.edges.map((e) => e.node.snils)).toEqual([snils]);
    expect(res.data!.recipients.totalCount).toBe(1);
  });

  it('costs the same number of SQL statements per subgraph for 5 people as for 50', async () => {
    const cost = async (first: number) => {
      t.resetQueries();
      const res = await t.gql<Page>(CARD, { first }, demo);
      expect(res.errors).toBeUndefined();
      return Object.fromEntries([...t.queries].map(([name, list]) => [name, list.length]));
    };
    const small = await cost(5);
    const large = await cost(50);
    expect(large).toEqual(small);
    // page + the data version in social (the count, taken by the first test, is kept); one batched
    // load in each other subgraph; one audit insert per subgraph that served personal data;
    // authentication reads the session with its account and the caller's break-the-glass grants
    // in one statement
    expect(small).toEqual({ access: 1, social: 3, health: 2, education: 2, employment: 2, coordination: 2 });
  });

  it('refuses a forged cursor and an oversized page with stable codes', async () => {
    const forged = await t.gql<Page>(CARD, { first: 5, after: 'not-a-cursor' }, demo);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
    expect(forged.errors?.[0]?.message).toMatch(/курсор/);
    const huge = await t.gql<Page>(CARD, { first: 10_000 }, demo);
    expect(huge.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_INVALID');
    // A cursor of the ascending order cannot continue the descending one.
    const asc = await t.gql<Page>(CARD, { first: 2 }, demo);
    const mixed = await t.gql<Page>(
      CARD,
      {
        first: 2,
        after: asc.data!.recipients.pageInfo.endCursor,
        orderBy: { field: 'NAME', direction: 'DESC' },
      },
      demo,
    );
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
  });

  it('answers an unknown field with a validation error and no internals', async () => {
    const res = await t.gql('{ recipients { edges { node { password } } } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/stack|at \//);
  });

  it('reads one person by id and says NOT_FOUND for an unknown one', async () => {
    const first = await t.gql<Page>(CARD, { first: 1 }, demo);
    const id = first.data!.recipients.edges[0]!.node.id;
    const one = await t.gql<{ recipient: { id: string; placements: unknown[] } }>(
      'query($id: ID!) { recipient(id: $id) { id placements { position } } }',
      { id },
    );
    expect(one.data!.recipient.id).toBe(id);
    const missing = await t.gql('query { recipient(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const notUuid = await t.gql('query { recipient(id: "1; drop table x") { id } }');
    expect(notUuid.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: '1; drop table x' });
  });
});
