import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createLogger } from '../logging/logger.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { connectOrm } from './orm.js';

@Entity({ tableName: 'thing', schema: 'replicas' })
class Thing {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();
}

/**
 * A migration that is not idempotent (a plain CREATE TABLE) and slow enough for two starts to
 * overlap: run twice, the second run fails on "already exists".
 */
class Migration20261203000000_thing extends Migration {
  override name = 'Migration20261203000000_thing';
  override up(): void {
    this.addSql('select pg_sleep(0.5);');
    this.addSql('create table "replicas"."thing" ("id" uuid not null primary key);');
  }
}

describe('two replicas of a subgraph starting together on one database', () => {
  let db: TestDatabase;
  const orms: MikroORM[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('replicas');
  });
  afterAll(async () => {
    for (const orm of orms) await orm.close();
    await db?.drop();
  });

  it('both start, and the migrations run once (the schema lock serialises them)', async () => {
    const start = () =>
      connectOrm({
        schema: 'replicas',
        url: db.url,
        entities: [Thing],
        migrations: [Migration20261203000000_thing],
        // A single pooled connection: the lock must not wait on the pool the migrations use.
        poolMax: 1,
        logger: createLogger('silent'),
      });
    const started = await Promise.allSettled([start(), start()]);
    for (const result of started) if (result.status === 'fulfilled') orms.push(result.value);
    expect(started.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const history = await client.query<{ name: string }>('select name from replicas.mikro_orm_migrations');
      expect(history.rows.map((r) => r.name)).toEqual(['Migration20261203000000_thing']);
      // Nobody is left holding the lock once both have started.
      const held = await client.query("select count(*)::int as n from pg_locks where locktype = 'advisory'");
      expect(held.rows[0]).toEqual({ n: 0 });
    } finally {
      await client.end();
    }
  });
});
