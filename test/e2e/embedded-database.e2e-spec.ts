import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, testConfig } from '@sl/core';
import { startSystem } from '@sl/gateway';
import pg from 'pg';
import request from 'supertest';
import { demoAuthorization } from '../support/demo-session.js';

function postgresProcessesFor(dir: string): string {
  try {
    return execFileSync('pgrep', ['-af', `postgres.*${dir}`], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

const IDS = '{ recipients(first: 50) { totalCount edges { node { id } } } }';

describe('the embedded PostgreSQL (no DATABASE_URL)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'sl-embedded-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts its own server in DATA_DIR, stops it cleanly and keeps the data for the next start', async () => {
    const port = String(await freePort());
    const first = await startSystem({
      config: testConfig({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: port, DEMO_DATA: 'true', DEMO_PEOPLE: '12' }),
    });
    expect(first.databases.embedded).not.toBeNull();
    expect(postgresProcessesFor(dataDir)).not.toBe('');
    const firstBase = `http://127.0.0.1:${first.server.port}`;
    const before = await request(firstBase)
      .post('/graphql')
      .set('authorization', await demoAuthorization(firstBase))
      .send({ query: IDS });
    expect(before.body.data.recipients.totalCount).toBe(12);
    await first.stop();
    expect(postgresProcessesFor(dataDir)).toBe('');

    const second = await startSystem({
      config: testConfig({
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: port,
        DEMO_DATA: 'false',
        EMBEDDED_PG_SHARED_BUFFERS_MB: '256',
      }),
    });
    try {
      // Its page cache is the configured one (by default a quarter of the machine's memory).
      const server = new pg.Client({ connectionString: second.databases.embedded!.serverUrl });
      await server.connect();
      const { rows } = await server.query<{ shared_buffers: string }>('show shared_buffers');
      await server.end();
      expect(rows[0]!.shared_buffers).toBe('256MB');
      const secondBase = `http://127.0.0.1:${second.server.port}`;
      // The accounts were kept too: the demo coordinator signs in again.
      const after = await request(secondBase)
        .post('/graphql')
        .set('authorization', await demoAuthorization(secondBase))
        .send({ query: IDS });
      expect(after.body.data.recipients).toEqual(before.body.data.recipients);
      await request(`http://127.0.0.1:${second.server.port}`).get('/readyz').expect(200);
    } finally {
      await second.stop();
    }
    expect(postgresProcessesFor(dataDir)).toBe('');
  });
});
