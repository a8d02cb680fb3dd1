import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, Role, snilsFromBody, testConfig } from '@sl/core';
import { type RunningSystem, startSystem } from '@sl/gateway';
import pg from 'pg';
import { authorizationFor } from '../support/system.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }
`;

interface Outcome {
  snils: string;
  id?: string;
  code?: string;
  status: number;
}

/**
 * The program's own PostgreSQL is killed with SIGKILL while coordinators register people. Nothing
 * acknowledged may be lost, nothing may be half-written (a person without the audit record of
 * their registration, or the reverse), the clients meanwhile get a clear error, and the system
 * serves again by itself.
 */
describe('a database crash under write load', () => {
  let dir: string;
  let system: RunningSystem;
  let base: string;
  let authorization: string;
  let pgUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sl-crash-'));
    const config = testConfig({
      DATABASE_URL: undefined,
      DATA_DIR: dir,
      EMBEDDED_PG_PORT: String(await freePort()),
      EMBEDDED_PG_PASSWORD: 'crash-test',
      DB_POOL_MAX: '4',
    });
    system = await startSystem({ config, dashboardDir: false });
    base = `http://127.0.0.1:${system.server.port}`;
    authorization = await authorizationFor(system, Role.COORDINATOR);
    pgUrl = `postgres://postgres:crash-test@127.0.0.1:${config.EMBEDDED_PG_PORT}/${config.DATABASE_NAME}`;
  });

  afterAll(async () => {
    // Also proves no pooled connection leaked in the crash: closing the pools would hang on one.
    await system?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function register(body: number): Promise<Outcome> {
    const snils = snilsFromBody(body);
    try {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({
          query: CREATE,
          variables: {
            input: {
              lastName: 'Надёжная',
              firstName: 'Анна',
              birthDate: '1991-05-17',
              sex: 'FEMALE',
              municipality: 'г. Калуга',
              snils,
            },
          },
        }),
        signal: AbortSignal.timeout(30_000),
      });
      const json = (await res.json()) as {
        data?: { createRecipient?: { id: string } | null } | null;
        errors?: { extensions?: { code?: string } }[];
      };
      const id = json.data?.createRecipient?.id;
      return {
        snils,
        status: res.status,
        ...(id ? { id } : { code: json.errors?.[0]?.extensions?.code ?? 'NONE' }),
      };
    } catch {
      return { snils, status: 0, code: 'NETWORK' };
    }
  }

  it('keeps every acknowledged write, half-writes none, and serves again without a restart', async () => {
    const postmasterPid = Number(
      (await readFile(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    expect(postmasterPid).toBeGreaterThan(0);

    const outcomes: Outcome[] = [];
    let next = 300_000_001;
    let killed = false;
    let recovered = false;
    const writer = async () => {
      // Each client writes until the database has died and a write has succeeded again since.
      for (let i = 0; i < 2_000 && !recovered; i += 1) {
        // Only a write sent after the kill proves the recovery; one in flight may finish anyway.
        const sentAfterKill = killed;
        const outcome = await register(next++);
        outcomes.push(outcome);
        if (sentAfterKill && outcome.id) recovered = true;
        if (!outcome.id) await new Promise((r) => setTimeout(r, 100));
      }
    };
    const clients = [writer(), writer(), writer(), writer()];
    // Let some writes land first, then kill the server the hard way: no shutdown, no checkpoint.
    while (outcomes.filter((o) => o.id).length < 20) await new Promise((r) => setTimeout(r, 20));
    process.kill(postmasterPid, 'SIGKILL');
    killed = true;
    await Promise.all(clients);

    expect(recovered).toBe(true);
    const acknowledged = outcomes.filter((o) => o.id);
    const failed = outcomes.filter((o) => !o.id);
    expect(failed.length).toBeGreaterThan(0);
    // Meanwhile the clients were told the database is unavailable: never a wrong answer, never a
    // leaked internal error.
    for (const f of failed) expect(f.code).toBe('DATABASE_UNAVAILABLE');

    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string; snils: string; audited: boolean }>(
        `SELECT r.id, r.snils,
                EXISTS (SELECT 1 FROM access.audit_event a
                         WHERE a.recipient_id = r.id AND a.action = 'create') AS audited
           FROM social.recipient r WHERE r.last_name = 'Надёжная'`,
      );
      const stored = new Map(rows.map((r) => [r.id, r]));
      // Every acknowledged registration survived the crash.
      for (const a of acknowledged) expect(stored.get(a.id!)?.snils).toBe(a.snils);
      // None is half-applied: each stored person has the audit record written in its transaction.
      expect(rows.filter((r) => !r.audited)).toEqual([]);
      const orphanAudits = await client.query(
        `SELECT count(*)::int AS n FROM access.audit_event a
          WHERE a.action = 'create' AND a.entity = 'Recipient'
            AND NOT EXISTS (SELECT 1 FROM social.recipient r WHERE r.id = a.recipient_id)`,
      );
      expect(orphanAudits.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }

    // And reads work again too, through the same running gateway.
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({
        query: '{ recipients(filter: { name: "Надёжная" }, first: 1) { totalCount } }',
      }),
    });
    const json = (await res.json()) as { data: { recipients: { totalCount: number } } };
    expect(json.data.recipients.totalCount).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
