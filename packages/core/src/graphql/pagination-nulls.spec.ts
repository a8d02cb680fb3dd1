import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../db/orm.js';
import { createLogger } from '../logging/logger.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { type ConnectionShape, paginate, type SortKey } from './pagination.js';

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

  async function walk(keys: SortKey[], first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: ConnectionShape<Item> = await paginate(orm.em.fork(), Item, {}, keys, { first, after });
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return seen;
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

  it('asks PostgreSQL for its default NULL placement, the one the cursor condition follows', async () => {
    statements.length = 0;
    await walk(orders[1]![1], 20);
    const select = statements.find((s) => s.includes('order by'));
    expect(select).toMatch(/order by "i0"\."label" desc, "i0"\."id" desc/);
    expect(select).not.toMatch(/nulls/i);
  });
});
