import { ManualClock, Role, snilsFromBody } from '@sl/core';
import { type GraphQLResponse, startTestSystem, type TestSystem } from '../support/system.js';

const CREATE = `mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`;
const WITHDRAW = `mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`;
const PAGE = `query SyncPage($first: Int!, $after: String, $filter: RecipientFilter) {
  recipients(first: $first, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id snils lastName birthDate placements { position } } }
  } }`;
const BACK = `query SyncBack($last: Int!, $before: String, $filter: RecipientFilter) {
  recipients(last: $last, before: $before, filter: $filter) {
    pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
    edges { cursor node { id snils lastName birthDate placements { position } } }
  } }`;

interface Node {
  id: string;
  snils: string | null;
  lastName: string | null;
  birthDate: string | null;
  placements: { position: string }[] | null;
}
interface Page {
  recipients: {
    pageInfo: {
      hasNextPage: boolean;
      endCursor: string | null;
      hasPreviousPage?: boolean;
      startCursor?: string | null;
    };
    edges: { cursor: string; node: Node }[];
  };
}

const MUNICIPALITY = 'Синхронный муниципальный район';
const SNILS = Array.from({ length: 7 }, (_, i) => snilsFromBody(731_200_100 + i * 17));

/**
 * A ministry's nightly sync pages through the people while some of them have withdrawn consent or
 * never gave it: those people are not on its pages at all, and a later walk drops a withdrawal.
 */
describe('partner sync: a ministry pages through only the people shared with it', () => {
  let t: TestSystem;
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));
  const employment = { as: Role.EMPLOYMENT_OFFICER };
  const people: string[] = [];
  const refused = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestSystem({ clock });
    for (const [i, snils] of SNILS.entries()) {
      const res = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
        input: {
          snils,
          lastName: `Синхронова${'абвгдеж'[i]}`,
          firstName: 'Анна',
          birthDate: `199${i}-01-15`,
          sex: 'FEMALE',
          municipality: MUNICIPALITY,
        },
      });
      expect(res.errors).toBeUndefined();
      people.push(res.data!.createRecipient.id);
    }
    // Everyone consents but the last; the 2nd and the 5th withdraw their sharing with employment.
    for (const recipientId of people.slice(0, -1)) {
      for (const consent of [{ kind: 'PERSONAL_DATA' }, { kind: 'SHARING', sharedWith: 'EMPLOYMENT' }]) {
        const res = await t.gql(GIVE, { input: { recipientId, givenOn: '2026-11-01', ...consent } });
        expect(res.errors).toBeUndefined();
      }
    }
    for (const i of [1, 4]) {
      const res = await t.gql(WITHDRAW, {
        input: {
          recipientId: people[i],
          kind: 'SHARING',
          sharedWith: 'EMPLOYMENT',
          withdrawnOn: '2026-11-15',
        },
      });
      expect(res.errors).toBeUndefined();
      refused.set(people[i]!, 'CONSENT_WITHDRAWN');
    }
    refused.set(people.at(-1)!, 'CONSENT_MISSING');
  });
  afterAll(() => t?.stop());

  async function walk(filter: Record<string, unknown>) {
    const pages: { data: Page; errors: { path?: (string | number)[]; extensions?: { code?: string } }[] }[] =
      [];
    let after: string | null = null;
    do {
      const res: GraphQLResponse<Page> = await t.gql<Page>(PAGE, { first: 3, after, filter }, employment);
      expect(res.data?.recipients).toBeDefined();
      pages.push({ data: res.data!, errors: res.errors ?? [] });
      const { pageInfo } = res.data!.recipients;
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    return pages;
  }

  // Issue 18: a list's ids and total must not reveal people the ministry may not read.
  it('lists only the people shared with the ministry, asked or not: no id, row or count of the others', async () => {
    const pages = await walk({ municipality: MUNICIPALITY });
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
    const ids = pages.flatMap((p) => p.data.recipients.edges.map((e) => e.node.id));
    expect(ids.sort()).toEqual(people.filter((id) => !refused.has(id)).sort());
    for (const { data } of pages) {
      for (const { node, cursor } of data.recipients.edges) {
        expect(node.snils).toMatch(/^\d{11}$/);
        expect(node.lastName).toMatch(/^Синхронова/);
        // The employment ministry's own records never depend on social's sharing consent.
        expect(node.placements).toEqual([]);
        for (const id of refused.keys()) expect(cursor).not.toContain(id);
      }
    }
    const total = await t.gql<{ recipients: { totalCount: number } }>(
      'query ($filter: RecipientFilter) { recipients(filter: $filter) { totalCount } }',
      { filter: { municipality: MUNICIPALITY } },
      employment,
    );
    expect(total.data!.recipients.totalCount).toBe(people.length - refused.size);
  });

  it('walks backward from the end to the same people in reverse, one request a page', async () => {
    const forward = await walk({ municipality: MUNICIPALITY });
    const requests: GraphQLResponse<Page>[] = [];
    let before: string | null = null;
    do {
      const res: GraphQLResponse<Page> = await t.gql<Page>(
        BACK,
        { last: 3, before, filter: { municipality: MUNICIPALITY } },
        employment,
      );
      requests.push(res);
      const { pageInfo, edges } = res.data!.recipients;
      expect(edges.length).toBeGreaterThan(0);
      expect({ start: pageInfo.startCursor, end: pageInfo.endCursor }).toEqual({
        start: edges[0]!.cursor,
        end: edges.at(-1)!.cursor,
      });
      // Coming from the end, a page has a next page exactly when it was asked before a cursor.
      expect(pageInfo.hasNextPage).toBe(before !== null);
      // The people not shared with the ministry are not on its pages, backward either.
      expect(res.errors).toBeUndefined();
      for (const { node } of edges) expect(refused.has(node.id)).toBe(false);
      before = pageInfo.hasPreviousPage ? pageInfo.startCursor! : null;
    } while (before);
    // 4 people shared, 3 a page: 2 requests, the pages of the forward walk in reverse order.
    expect(requests).toHaveLength(forward.length);
    const ids = (page: Page) => page.recipients.edges.map((e) => e.node.id);
    const back = requests.map((r) => ids(r.data!));
    // Met from the last person to the first: the forward walk's people in reverse order.
    expect(back.flatMap((page) => [...page].reverse())).toEqual(
      forward.flatMap((p) => ids(p.data)).reverse(),
    );
    expect(new Set(back.flat())).toEqual(new Set(people.filter((id) => !refused.has(id))));
  });

  it('with sharedWith: ME lists only the people shared with the ministry, without a single error', async () => {
    const pages = await walk({ municipality: MUNICIPALITY, sharedWith: 'ME' });
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
    const ids = pages.flatMap((p) => p.data.recipients.edges.map((e) => e.node.id));
    expect(ids.sort()).toEqual(people.filter((id) => !refused.has(id)).sort());
    // Withdrawing consent to processing today takes the person out of the next walk.
    const res = await t.gql(WITHDRAW, {
      input: { recipientId: people[0], kind: 'PERSONAL_DATA', withdrawnOn: '2026-11-20' },
    });
    expect(res.errors).toBeUndefined();
    const after = await walk({ municipality: MUNICIPALITY, sharedWith: 'ME' });
    expect(after.flatMap((p) => p.data.recipients.edges.map((e) => e.node.id))).not.toContain(people[0]);
  });

  it('means everyone the caller may see for a coordinator, whom consent to sharing does not bind', async () => {
    const res = await t.gql<Page>(PAGE, {
      first: 50,
      filter: { municipality: MUNICIPALITY, sharedWith: 'ME' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recipients.edges).toHaveLength(people.length);
  });
});
