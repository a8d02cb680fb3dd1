import { connectOrm, createLogger, createTestDatabase } from '@sl/core';
import { subgraphDefinitions } from '@sl/gateway';
import { startTestSystem, type TestSystem } from '../support/system.js';

describe('migrations', () => {
  it.each(subgraphDefinitions.map((d) => [d.name, d] as const))(
    '%s: the committed migrations build exactly the schema its entities describe, in its own PostgreSQL schema',
    async (name, definition) => {
      // From an empty database: the migrations alone must build the schema.
      const db = await createTestDatabase('migr', { empty: true });
      try {
        const orm = await connectOrm({
          schema: name,
          url: db.url,
          entities: definition.entities,
          migrations: definition.migrations,
          poolMax: 1,
          logger: createLogger('silent'),
        });
        try {
          // checkSchema() is true when the entities need a migration that was not created.
          expect(await orm.migrator.checkSchema()).toBe(false);
          const tables = await orm.em
            .getConnection()
            .execute<{ table_schema: string }[]>(
              "select distinct table_schema from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
            );
          expect(tables.map((t) => t.table_schema)).toEqual([name]);
          // A second start applies nothing.
          expect(await orm.migrator.up()).toEqual([]);
        } finally {
          await orm.close();
        }
      } finally {
        await db.drop();
      }
    },
  );

  describe('on live data', () => {
    let t: TestSystem;
    beforeAll(async () => {
      t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '40' } });
    });
    afterAll(() => t.stop());

    /**
     * Each migration is applied to a database at the previous version that holds data: the demo
     * region (every table filled) is taken back below the migration and brought up again. A
     * migration that adds a NOT NULL column without a default, or a check that old rows break,
     * fails here rather than in a region's production database.
     */
    it.each(subgraphDefinitions.map((d) => [d.name, d] as const))(
      '%s: every migration applies over data of the version before it',
      async (name, definition) => {
        // Migrations run as the database's owner; the running subgraph's own role may not.
        const orm = await connectOrm({
          schema: name,
          url: t.database.url,
          entities: definition.entities,
          migrations: definition.migrations,
          poolMax: 1,
          logger: createLogger('silent'),
        });
        const count = definition.migrations.length;
        for (let k = count - 1; k >= 1; k -= 1) {
          // Back to version k (the first k migrations applied), with the data that version holds…
          for (let i = count; i > k; i -= 1) await orm.migrator.down();
          expect((await orm.migrator.getExecuted()).length).toBe(k);
          // …then forward over it.
          const applied = await orm.migrator.up();
          expect(applied).toHaveLength(count - k);
        }
        expect(await orm.migrator.getPending()).toEqual([]);
        await orm.close();
      },
    );

    it('serves the same graph afterwards', async () => {
      const res = await t.gql<{ recipients: { totalCount: number } }>(
        '{ recipients(first: 1) { totalCount } }',
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.recipients.totalCount).toBe(40);
    });
  });
});
