import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Config, loadConfig } from '../config/config.js';
import { withDatabase } from '../db/database.js';

/**
 * The PostgreSQL server of this test run: the one in DATABASE_URL when given, otherwise the
 * embedded server that jest's global set-up started (its URL is passed in TEST_PG_SERVER_URL).
 */
export function testServerUrl(): string {
  const url = process.env.TEST_PG_SERVER_URL;
  if (!url) throw new Error('TEST_PG_SERVER_URL is not set: run the tests through jest (pnpm test)');
  return url;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * The migrated database the run copies for each test file (jest's global set-up migrates it once
 * and passes its name in TEST_PG_TEMPLATE), so a file does not run every migration again.
 */
export function testTemplateName(): string | undefined {
  return process.env.TEST_PG_TEMPLATE || undefined;
}

/**
 * A fresh database for one test file, so test files never share state: a copy of the run's
 * migrated template (schemas, tables and roles' grants; no rows of reference or demo data, which
 * the system seeds for its own region when it starts), or an empty database with `empty: true`.
 */
export async function createTestDatabase(
  prefix = 'test',
  options: { empty?: boolean } = {},
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const template = options.empty ? undefined : testTemplateName();
  const admin = new pg.Client({ connectionString: withDatabase(testServerUrl(), 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(testServerUrl(), name);
  return {
    url,
    async drop() {
      const client = new pg.Client({ connectionString: withDatabase(testServerUrl(), 'postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Configuration for a test: an explicit database, a free port, quiet logs, no demo data. */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_DATA: 'false',
    DB_POOL_MAX: '3',
    // Tests compare the indicators with the tables right after writing them.
    INDICATORS_STALE_SECONDS: '0',
    // A test's own cluster holds a few dozen people: PostgreSQL's default cache, not a quarter of
    // the machine for each of the clusters tests start side by side.
    EMBEDDED_PG_SHARED_BUFFERS_MB: '128',
    // A test account is created and signed in once per file: a hash at production cost (128 MiB,
    // up to a second on a busy machine) per account is minutes over the suite and proves nothing
    // the hash format test does not. Production refuses this value.
    ...(overrides.NODE_ENV === 'production' ? {} : { PASSWORD_HASH_COST: '10' }),
    // `./dev.sh test:engine hive` runs the same tests on the other gateway engine.
    GATEWAY_ENGINE: process.env.GATEWAY_ENGINE,
    ...overrides,
  });
}
