import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createTestDatabase, freePort, type TestDatabase } from '@sl/core';
import { repositoryRoot, waitForReady } from '../support/built-gateway.js';
import { demoAuthorization } from '../support/demo-session.js';

describe('the built gateway, started as `pnpm start` starts it', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('start');
  });
  afterAll(() => db.drop());

  it('serves the graph with demo data and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['packages/gateway/dist/main.js'], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), DEMO_PEOPLE: '25', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exited = once(child, 'exit');
    try {
      const base = `http://127.0.0.1:${port}`;
      // Generous: under a loaded CI machine the first start (migrations, demo data) can be slow.
      await waitForReady(base, Date.now() + 120_000);
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await demoAuthorization(base) },
        body: JSON.stringify({
          query:
            '{ recipients(first: 1) { totalCount edges { node { lastName placements { position } } } } }',
        }),
      });
      const body = (await res.json()) as { data: { recipients: { totalCount: number } } };
      expect(body.data.recipients.totalCount).toBe(25);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
