import { connectOrm, createLogger, createTestDatabase } from '@sl/core';
import { subgraphDefinitions } from '@sl/gateway';

describe('migrations', () => {
  it.each(subgraphDefinitions.map((d) => [d.name, d] as const))(
    '%s: the committed migrations build exactly the schema its entities describe, in its own PostgreSQL schema',
    async (name, definition) => {
      const db = await createTestDatabase('migr');
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
});
