import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../db/orm.js';
import type { AppError } from '../errors/errors.js';
import { createLogger } from '../logging/logger.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { type ConnectionShape, type PageRequest, paginate, type SortKey } from './pagination.js';

/**
 * No list of the graph sorts by a nullable column today (an absent patronymic is stored as ''),
 * so the NULL rules of keyset pagination are walked here on a table of their own, in a real
 * PostgreSQL: its own ORDER BY is the answer every walk must match.
 */
@Entity({ tableName: 'item', schema: 'keyset' })
class Item {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', nullable: true })
  label: string | null = null;

  @Property({ type: 'integer' })
  rank!: number;
}

const LABELS = ['б', null, 'а', 'б', null, 'в', 'а', null, null, 'б', 'в', null, 'а'];

describe('keyset pagination over a nullable key, in a real PostgreSQL', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const statements: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('keyset');
    orm = await MikroORM.init(
      ormConfig({
        schema: 'keyset',
        url: db.url,
        entities: [Item],
        migrations: [],
        logger: createLogger('silent'),
        onQuery: (sql) => statements.push(sql),
      }),
    );
    const conn = orm.em.getConnection();
    await conn.execute('create schema keyset');
    await conn.execute('create table keyset.item (id uuid primary key, label text, rank int not null)');
    const em = orm.em.fork();
    for (const [i, label] of LABELS.entries()) em.persist(em.create(Item, { label, rank: i % 3 }));
    await em.flush();
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  /** The ids in PostgreSQL's own order (plain ASC/DESC: NULLs last ascending, first descending). */
  async function expected(keys: SortKey[]): Promise<string[]> {
    const order = keys.map((k) => `${k.field} ${k.direction.toLowerCase()}`).join(', ');
    const rows = await orm.em.getConnection().execute(`select id from keyset.item order by ${order}`);
    return (rows as { id: string }[]).map((r) => r.id);
  }

  const list = (keys: SortKey[], page: PageRequest): Promise<ConnectionShape<Item>> =>
    paginate(orm.em.fork(), Item, {}, keys, page);

  async function walk(keys: SortKey[], first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: ConnectionShape<Item> = await list(keys, { first, after });
      seen.push(...page.edges.map((e) => e.node.id));
      after = (await page.pageInfo.hasNextPage) ? page.pageInfo.endCursor : null;
    } while (after);
    return seen;
  }

  /** From the end: each page's rows in list order, pages prepended, while a previous page exists. */
  async function walkBack(keys: SortKey[], last: number): Promise<string[]> {
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: ConnectionShape<Item> = await list(keys, { last, before });
      seen.unshift(...page.edges.map((e) => e.node.id));
      expect(await page.pageInfo.hasNextPage).toBe(before !== null);
      before = (await page.pageInfo.hasPreviousPage) ? page.pageInfo.startCursor : null;
    } while (before);
    return seen;
  }

  /** The cursor of the row at `index` of the order, as the list hands it out. */
  async function cursorAt(keys: SortKey[], index: number): Promise<string> {
    const page = await list(keys, { first: index + 1 });
    return page.edges[index]!.cursor;
  }

  const orders: [string, SortKey[]][] = [
    [
      'label ASC, id ASC',
      [
        { field: 'label', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
    ],
    [
      'label DESC, id DESC',
      [
        { field: 'label', direction: 'DESC' },
        { field: 'id', direction: 'DESC' },
      ],
    ],
    [
      'rank DESC, label ASC, id DESC',
      [
        { field: 'rank', direction: 'DESC' },
        { field: 'label', direction: 'ASC' },
        { field: 'id', direction: 'DESC' },
      ],
    ],
    [
      'rank ASC, label DESC, id ASC',
      [
        { field: 'rank', direction: 'ASC' },
        { field: 'label', direction: 'DESC' },
        { field: 'id', direction: 'ASC' },
      ],
    ],
  ];

  it.each(orders)('walks %s: every row once, in the order PostgreSQL sorts them', async (_name, keys) => {
    const truth = await expected(keys);
    expect(truth).toHaveLength(LABELS.length);
    for (const first of [1, 2, 5]) expect(await walk(keys, first)).toEqual(truth);
  });

  it.each(orders)(
    'walks %s backward: the same rows in the same order, page by page from the end',
    async (_name, keys) => {
      const truth = await expected(keys);
      for (const last of [1, 2, 5, 13, 200]) expect(await walkBack(keys, last)).toEqual(truth);
    },
  );

  it.each(orders)(
    'takes the rows strictly between after and before, from either end (%s)',
    async (_name, keys) => {
      const truth = await expected(keys);
      const [after, before] = await Promise.all([cursorAt(keys, 2), cursorAt(keys, 9)]);
      const ids = (page: ConnectionShape<Item>) => page.edges.map((e) => e.node.id);
      const whole = await list(keys, { after, before });
      expect(ids(whole)).toEqual(truth.slice(3, 9));
      const head = await list(keys, { first: 2, after, before });
      expect(ids(head)).toEqual(truth.slice(3, 5));
      // Relay: `first` says more lie inside the range; `before` with rows at or beyond it, more after.
      expect(await head.pageInfo.hasNextPage).toBe(true);
      expect(await head.pageInfo.hasPreviousPage).toBe(true);
      const tail = await list(keys, { last: 2, after, before });
      expect(ids(tail)).toEqual(truth.slice(7, 9));
      expect(await tail.pageInfo.hasPreviousPage).toBe(true);
      expect(await tail.pageInfo.hasNextPage).toBe(true);
      expect(tail.pageInfo.startCursor).toBe(tail.edges[0]!.cursor);
      expect(tail.pageInfo.endCursor).toBe(tail.edges[1]!.cursor);
      // The ends of the list: nothing before the first row, nothing after the last.
      const first = await list(keys, { first: 3 });
      expect(await first.pageInfo.hasPreviousPage).toBe(false);
      const lastPage = await list(keys, { last: 3 });
      expect(ids(lastPage)).toEqual(truth.slice(-3));
      expect(await lastPage.pageInfo.hasNextPage).toBe(false);
      expect(await lastPage.pageInfo.hasPreviousPage).toBe(true);
      // A page right after the first row has that row before it (also when the row's key is NULL).
      const second = await list(keys, { first: 1, after: await cursorAt(keys, 0) });
      expect(await second.pageInfo.hasPreviousPage).toBe(true);
      const beforeLast = await list(keys, { last: 1, before: await cursorAt(keys, truth.length - 1) });
      expect(ids(beforeLast)).toEqual([truth.at(-2)]);
      expect(await beforeLast.pageInfo.hasNextPage).toBe(true);
    },
  );

  it('answers first: 0 and last: 0 alike: no rows, null cursors, whether rows lie that way, the count', async () => {
    const keys = orders[0]![1];
    const after = await cursorAt(keys, 4);
    for (const page of [{ first: 0 }, { last: 0 }, { first: 0, after }, { last: 0, before: after }]) {
      const answer = await list(keys, page);
      expect({
        page,
        edges: answer.edges,
        startCursor: answer.pageInfo.startCursor,
        endCursor: answer.pageInfo.endCursor,
        totalCount: await answer.totalCount,
      }).toEqual({ page, edges: [], startCursor: null, endCursor: null, totalCount: LABELS.length });
    }
    expect(await (await list(keys, { first: 0 })).pageInfo.hasNextPage).toBe(true);
    expect(await (await list(keys, { first: 0 })).pageInfo.hasPreviousPage).toBe(false);
    expect(await (await list(keys, { last: 0 })).pageInfo.hasPreviousPage).toBe(true);
    expect(await (await list(keys, { last: 0 })).pageInfo.hasNextPage).toBe(false);
  });

  it('refuses first with last, sizes out of range and a cursor of another order, naming the argument', async () => {
    const keys = orders[0]![1];
    const refusal = (page: PageRequest) =>
      list(keys, page).then(
        () => null,
        (e: AppError) => ({ code: e.code, field: e.details.field }),
      );
    expect(await refusal({ first: 1, last: 1 })).toEqual({ code: 'PAGE_FIRST_AND_LAST', field: 'last' });
    expect(await refusal({ last: 201 })).toEqual({ code: 'PAGE_SIZE_INVALID', field: 'last' });
    expect(await refusal({ last: -1 })).toEqual({ code: 'PAGE_SIZE_INVALID', field: 'last' });
    expect(await refusal({ first: 201 })).toEqual({ code: 'PAGE_SIZE_INVALID', field: 'first' });
    const foreign = await cursorAt(orders[1]![1], 0);
    expect(await refusal({ before: foreign })).toEqual({ code: 'BAD_CURSOR', field: 'before' });
    expect(await refusal({ after: foreign })).toEqual({ code: 'BAD_CURSOR', field: 'after' });
  });

  it('asks PostgreSQL for its default NULL placement, the one the cursor condition follows', async () => {
    statements.length = 0;
    await walk(orders[1]![1], 20);
    const select = statements.find((s) => s.includes('order by'));
    expect(select).toMatch(/order by "i0"\."label" desc, "i0"\."id" desc/);
    expect(select).not.toMatch(/nulls/i);
  });
});
