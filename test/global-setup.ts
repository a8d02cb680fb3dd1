import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, type EmbeddedDatabase, freePort, startEmbeddedPostgres } from '@sl/core';

declare global {
  var __embeddedTestDatabase: EmbeddedDatabase | undefined;
}

/**
 * One real PostgreSQL for the whole run: DATABASE_URL's server when given, otherwise an embedded
 * one in a fresh folder on a free port, so parallel runs never share a cluster.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_PG_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'sl-test-pg-'));
  const db = await startEmbeddedPostgres({
    dir: path.join(dir, 'cluster'),
    port: await freePort(),
    password: 'test-password',
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'warn'),
  });
  globalThis.__embeddedTestDatabase = db;
  process.env.TEST_PG_SERVER_URL = db.serverUrl;
}
