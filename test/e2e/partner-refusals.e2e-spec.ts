import { Role } from '@sl/core';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

const WITHDRAW = `mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`;
const PAGE = `query PlacementSync($first: Int!, $after: String) {
  placements(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id recipientId position recipient { id lastName snils } } }
  } }`;

interface Page {
  placements: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: {
        id: string;
        recipientId: string;
        recipient: { lastName: string | null; snils: string | null } | null;
      };
    }[];
  };
}

/**
 * Issue 21: a ministry syncs its own records (placements) while one of the people on them has
 * withdrawn sharing with it. Its own rows keep arriving, page by page with their cursors; only that
 * person's social fields are refused, each with its error at its own path.
 */
describe('partner sync of a ministry’s own records: refusals per person, never per page', () => {
  let t: TestSystem;
  const employment = { as: Role.EMPLOYMENT_OFFICER };

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '40' } });
  });
  afterAll(() => t?.stop());

  it('pages through every placement with only the withdrawn person’s fields null, one request a page', async () => {
    const first = await t.gql<Page>(PAGE, { first: 200 }, employment);
    expect(first.errors).toBeUndefined();
    const all = first.data!.placements.edges.map((e) => e.node);
    expect(all.length).toBeGreaterThan(3);
    const withdrawn = all[1]!.recipientId;
    const today = new Date().toISOString().slice(0, 10);
    const res = await t.gql(WITHDRAW, {
      input: { recipientId: withdrawn, kind: 'SHARING', sharedWith: 'EMPLOYMENT', withdrawnOn: today },
    });
    expect(res.errors).toBeUndefined();

    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResponse<Page> = await t.gql<Page>(PAGE, { first: 3, after }, employment);
      // The page and its cursor arrive whatever one person's consent says.
      expect(page.data?.placements).toBeDefined();
      const { edges, pageInfo } = page.data!.placements;
      const refusedRows = edges.flatMap(({ node }, i) => (node.recipientId === withdrawn ? [i] : []));
      const errors = page.errors ?? [];
      expect(new Set(errors.map((e) => e.path?.[2]))).toEqual(new Set(refusedRows));
      for (const e of errors) {
        expect(e.path?.slice(0, 2)).toEqual(['placements', 'edges']);
        expect(e.extensions?.code).toBe('CONSENT_WITHDRAWN');
      }
      for (const { node } of edges) {
        const refused = node.recipientId === withdrawn;
        expect(node.recipient === null || node.recipient.snils === null).toBe(refused);
      }
      pages.push(page.data!);
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    expect(pages.flatMap((p) => p.placements.edges.map((e) => e.node.id))).toEqual(all.map((n) => n.id));
    expect(pages).toHaveLength(Math.ceil(all.length / 3));
  });
});
