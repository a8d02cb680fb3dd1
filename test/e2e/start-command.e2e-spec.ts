import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, freePort, type TestDatabase } from '@sl/core';
import { demoAuthorization } from '../support/demo-session.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function waitForReady(base: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the gateway did not become ready in time');
}

describe('the built gateway, started as `pnpm start` starts it', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('start');
  });
  afterAll(() => db.drop());

  it('serves the graph with demo data and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['packages/gateway/dist/main.js'], {
      cwd: root,
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
