import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@sl/core';
import pg from 'pg';
import { repositoryRoot, waitForReady } from '../support/built-gateway.js';
import { demoAuthorization } from '../support/demo-session.js';

/** True when something accepts TCP connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * `pnpm start` with its own PostgreSQL receives SIGTERM (as a container does) while a coordinator's
 * request is still running: that request is answered, new ones are not taken, the pools close and
 * the embedded PostgreSQL shuts down cleanly before the process exits with 0.
 */
describe('graceful shutdown on SIGTERM', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sl-shutdown-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finishes the request in flight, takes no new ones, and stops the database cleanly', async () => {
    const port = await freePort();
    const pgPort = await freePort();
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      DATA_DIR: dir,
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_PASSWORD: 'shutdown-test',
      DEMO_PEOPLE: '5',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['packages/gateway/dist/main.js'], {
      cwd: repositoryRoot,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exited = once(child, 'exit');
    const base = `http://127.0.0.1:${port}`;
    const locker = new pg.Client({
      connectionString: `postgres://postgres:shutdown-test@127.0.0.1:${pgPort}/supported_living`,
    });
    let signalled = false;
    try {
      await waitForReady(base, Date.now() + 120_000);
      const authorization = await demoAuthorization(base);
      // Hold the people's table so the next read waits inside the database: a request in flight.
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE social.recipient IN ACCESS EXCLUSIVE MODE');
      const inFlight = fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, connection: 'close' },
        body: JSON.stringify({ query: '{ recipients(first: 3) { totalCount } }' }),
      });
      // Signal only once the read waits on the lock: a fixed pause was too short on a loaded machine,
      // and the gateway then stopped with nothing in flight.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { rows } = await locker.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
        );
        if (rows[0]!.n > 0) break;
        if (Date.now() > deadline) throw new Error('the request never reached the database');
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGTERM');
      signalled = true;
      // The listener closes: a new request is not taken while the old one finishes (waited for
      // with a deadline, not a fixed pause, so a loaded machine only makes it slower).
      const closedBy = Date.now() + 30_000;
      while ((await listening(port)) && Date.now() < closedBy) await new Promise((r) => setTimeout(r, 50));
      expect(await listening(port)).toBe(false);
      expect(child.exitCode).toBeNull();

      await locker.query('COMMIT');
      const res = await inFlight;
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data?: { recipients: { totalCount: number } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data?.recipients.totalCount).toBe(5);
    } finally {
      await locker.end().catch(() => {});
      // A second signal would mean "exit now"; only a test that failed before its own sends one.
      if (!signalled) child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
    // The embedded PostgreSQL stopped cleanly: its lock file is gone and nothing listens on its port.
    expect(existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(await listening(pgPort)).toBe(false);
  });
});
