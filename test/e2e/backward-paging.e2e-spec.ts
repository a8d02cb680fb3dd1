import { readFileSync } from 'node:fs';
import { ManualClock, Role } from '@sl/core';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import {
  type GqlOptions,
  type GraphQLResponse,
  startTestSystem,
  type TestSystem,
} from '../support/system.js';

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Connection {
  totalCount?: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: Record<string, unknown> }[];
}
type Answer = GraphQLResponse<Record<string, Connection>>;

/** Lists of every kind: entity lists (`paginate`) and lists read with SQL (`sqlKeyset`). */
const LISTS: { field: string; args: string; node: string; as?: GqlOptions['as'] }[] = [
  { field: 'recipients', args: 'orderBy: { field: NAME, direction: ASC }', node: 'id' },
  { field: 'recipients', args: 'orderBy: { field: BIRTH_DATE, direction: DESC }', node: 'id' },
  { field: 'deadlines', args: '', node: 'kind itemId' },
  { field: 'readinessReviewsDue', args: 'horizonDays: 366', node: 'stageId reviewNumber' },
  { field: 'agencies', args: '', node: 'id', as: Role.ADMIN },
];

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/**
 * Relay's backward paging (`last`/`before`) on the lists of the graph through the gateway: walking
 * back from the end meets the same rows as walking forward, in reverse, one request a page, with
 * `hasPreviousPage`/`hasNextPage` right on every page in both directions.
 */
describe('backward paging on every connection', () => {
  let t: TestSystem;
  beforeAll(async () => {
    // The demo data is laid out around 2026-11-20 (DEMO_TODAY).
    t = await startTestSystem({
      clock: new ManualClock(new Date('2026-11-20T09:00:00Z')),
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '30' },
    });
  });
  afterAll(() => t?.stop());

  it('offers first, after, last and before on every connection of the public schema', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
    const connections = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })))
      .filter(({ field }) => getNamedType(field.type).name.endsWith('Connection'));
    expect(connections.length).toBeGreaterThan(20);
    for (const { type, field } of connections) {
      const args = Object.fromEntries(field.args.map((a) => [a.name, String(a.type)]));
      expect({ field: `${type.name}.${field.name}`, args }).toEqual({
        field: `${type.name}.${field.name}`,
        args: expect.objectContaining({ first: 'Int', after: 'String', last: 'Int', before: 'String' }),
      });
    }
  });

  async function page(
    list: (typeof LISTS)[number],
    paging: string,
    variables: Record<string, unknown>,
  ): Promise<Connection> {
    const args = [list.args, paging].filter(Boolean).join(', ');
    const declared = [paging.includes('$n') && '$n: Int', paging.includes('$c') && '$c: String'].filter(
      Boolean,
    );
    const res: Answer = await t.gql(
      `query ${declared.length ? `(${declared.join(', ')})` : ''} { ${list.field}(${args}) { totalCount ${PAGE_INFO} edges { cursor node { ${list.node} } } } }`,
      variables,
      { as: list.as },
    );
    expect(res.errors).toBeUndefined();
    const connection = res.data![list.field]!;
    expect({ start: connection.pageInfo.startCursor, end: connection.pageInfo.endCursor }).toEqual({
      start: connection.edges[0]?.cursor ?? null,
      end: connection.edges.at(-1)?.cursor ?? null,
    });
    return connection;
  }

  const key = (edge: Connection['edges'][number]) => JSON.stringify(edge.node);

  it.each(LISTS)('walks $field ($args) back from the end to the forward walk in reverse', async (list) => {
    const size = 4;
    const forward: string[] = [];
    let requests = 0;
    let total = 0;
    let after: string | null = null;
    do {
      const got = await page(list, 'first: $n, after: $c', { n: size, c: after });
      requests += 1;
      total = got.totalCount!;
      // A page after a cursor has that cursor's row before it; the first page nothing.
      expect(got.pageInfo.hasPreviousPage).toBe(after !== null);
      forward.push(...got.edges.map(key));
      after = got.pageInfo.hasNextPage ? got.pageInfo.endCursor : null;
    } while (after);
    expect(forward.length).toBe(total);
    expect(forward.length).toBeGreaterThan(size);
    expect(requests).toBe(Math.ceil(total / size));

    const backward: string[] = [];
    requests = 0;
    let before: string | null = null;
    do {
      const got = await page(list, 'last: $n, before: $c', { n: size, c: before });
      requests += 1;
      expect(got.pageInfo.hasNextPage).toBe(before !== null);
      backward.push(...got.edges.map(key).reverse());
      before = got.pageInfo.hasPreviousPage ? got.pageInfo.startCursor : null;
    } while (before);
    expect(backward).toEqual([...forward].reverse());
    expect(requests).toBe(Math.ceil(total / size));

    // Between two cursors, counted from either end.
    const all = await page(list, 'first: $n', { n: 200 });
    const [low, high] = [all.edges[1]!.cursor, all.edges[size + 2]!.cursor];
    const range = `after: "${low}", before: "${high}"`;
    const head = await page(list, `first: 2, ${range}`, {});
    expect(head.edges.map(key)).toEqual(forward.slice(2, 4));
    expect(head.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const tail = await page(list, `last: 2, ${range}`, {});
    expect(tail.edges.map(key)).toEqual(forward.slice(size, size + 2));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('answers first: 0 and last: 0 with no rows, null cursors, the count and whether rows lie that way', async () => {
    const list = LISTS[0]!;
    const total = (await page(list, 'first: $n', { n: 0 })).totalCount!;
    expect(total).toBeGreaterThan(0);
    expect(await page(list, 'first: $n', { n: 0 })).toEqual({
      totalCount: total,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
      edges: [],
    });
    expect(await page(list, 'last: $n', { n: 0 })).toEqual({
      totalCount: total,
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
      edges: [],
    });
  });

  it('refuses first with last, a bad last and a bad before, each with its code and the argument named', async () => {
    const refusal = async (args: string) => {
      const res = await t
        .http()
        .post('/graphql')
        .set({
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          authorization: `Bearer ${await t.tokenFor(Role.COORDINATOR)}`,
        })
        .send({ query: `{ recipients(${args}) { totalCount } }` });
      // The query ran and its field failed: 200, like any field error.
      const [error] = res.body.errors;
      return { status: res.status, code: error.extensions.code, field: error.extensions.field };
    };
    expect(await refusal('first: 2, last: 2')).toEqual({
      status: 200,
      code: 'PAGE_FIRST_AND_LAST',
      field: 'last',
    });
    expect(await refusal('last: 201')).toEqual({ status: 200, code: 'PAGE_SIZE_INVALID', field: 'last' });
    expect(await refusal('before: "garbage"')).toEqual({ status: 200, code: 'BAD_CURSOR', field: 'before' });
  });
});
