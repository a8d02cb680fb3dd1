import { type Config, connectOrm, type Logger } from '@sl/core';
import { subgraphDefinitions } from './subgraphs.js';

/**
 * Brings every subgraph's schema in one database up to date, with its role and grants, and does
 * nothing else (no reference data, no figures): what a database must hold before a subgraph
 * starts on it. The test run migrates one template database this way and copies it per test file.
 */
export async function migrateDatabase(url: string, config: Config, logger: Logger): Promise<void> {
  // Access first: its schema holds the audit log the others' roles are granted to append to.
  for (const definition of subgraphDefinitions) {
    const orm = await connectOrm({
      schema: definition.name,
      url,
      entities: definition.entities,
      migrations: definition.migrations,
      poolMax: 2,
      statementTimeoutMs: config.STATEMENT_TIMEOUT_MS,
      schemaRole: config.DB_SCHEMA_ROLES,
      logger,
    });
    await orm.close();
  }
}
