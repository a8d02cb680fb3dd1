import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createLogger,
  createTestDatabase,
  type EmbeddedDatabase,
  freePort,
  startEmbeddedPostgres,
  type TestDatabase,
  testConfig,
} from '@sl/core';
import { migrateDatabase } from '@sl/gateway';

declare global {
  var __embeddedTestDatabase: EmbeddedDatabase | undefined;
  var __templateTestDatabase: TestDatabase | undefined;
}

/**
 * One real PostgreSQL for the whole run: DATABASE_URL's server when given, otherwise an embedded
 * one in a fresh folder on a free port, so parallel runs never share a cluster. In it, one database
 * migrated once, which each test file's database is created from (`CREATE DATABASE … TEMPLATE`):
 * a file then starts the system without running some hundred migrations again.
 */
export default async function globalSetup(): Promise<void> {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  if (process.env.DATABASE_URL) {
    process.env.TEST_PG_SERVER_URL = process.env.DATABASE_URL;
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'sl-test-pg-'));
    const db = await startEmbeddedPostgres({
      dir: path.join(dir, 'cluster'),
      port: await freePort(),
      password: 'test-password',
      logger,
      disposable: true,
    });
    globalThis.__embeddedTestDatabase = db;
    process.env.TEST_PG_SERVER_URL = db.serverUrl;
  }
  const template = await createTestDatabase('template', { empty: true });
  globalThis.__templateTestDatabase = template;
  await migrateDatabase(template.url, testConfig({ DATABASE_URL: template.url }), logger);
  process.env.TEST_PG_TEMPLATE = new URL(template.url).pathname.slice(1);
}
