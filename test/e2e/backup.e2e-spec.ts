import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  backupCluster,
  type Config,
  freePort,
  Role,
  restoreCluster,
  snilsFromBody,
  testConfig,
} from '@sl/core';
import { type RunningSystem, startSystem } from '@sl/gateway';
import { authorizationFor } from '../support/system.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }
`;
const LIST = /* GraphQL */ `
  { recipients(first: 200, filter: { name: "Архивная" }) { totalCount edges { node { id snils } } } }
`;

/**
 * `pnpm db:backup` / `pnpm db:restore` on the program's own PostgreSQL: a backup taken while people
 * are being registered, data changed afterwards, the backup restored — the system comes back with
 * exactly what the backup holds, audit log included.
 */
describe('backup and restore of the embedded database', () => {
  let dir: string;
  let config: Config;
  let system: RunningSystem | null = null;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sl-backup-'));
    config = testConfig({
      DATABASE_URL: undefined,
      DATA_DIR: dir,
      EMBEDDED_PG_PORT: String(await freePort()),
      EMBEDDED_PG_PASSWORD: 'backup-test',
    });
  });
  afterAll(async () => {
    await system?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function graph(s: RunningSystem, authorization: string, query: string, variables?: unknown) {
    const res = await fetch(`http://127.0.0.1:${s.server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as {
      // biome-ignore lint/suspicious/noExplicitAny: the answers' shapes are read field by field below
      data?: Record<string, any>;
      errors?: unknown[];
    };
  }
  const register = (s: RunningSystem, authorization: string, body: number) =>
    graph(s, authorization, CREATE, {
      input: {
        lastName: 'Архивная',
        firstName: 'Вера',
        birthDate: '1980-01-01',
        sex: 'FEMALE',
        municipality: 'г. Калуга',
        snils: snilsFromBody(body),
      },
    });
  const auditCount = async (s: RunningSystem) =>
    Number(
      (
        await s.accessOrm.em
          .fork()
          .getConnection()
          .execute<{ n: string }[]>(
            `SELECT count(*) AS n FROM access.audit_event WHERE action = 'create' AND entity = 'Recipient'`,
          )
      )[0]!.n,
    );

  it('restores exactly what the backup holds, taken while writes go on', async () => {
    system = await startSystem({ config, dashboardDir: false });
    const authorization = await authorizationFor(system, Role.COORDINATOR);
    for (let i = 0; i < 5; i += 1)
      expect((await register(system, authorization, 500_000_001 + i)).errors).toBeUndefined();

    // Writes continue during the online backup; whichever of them the backup holds, it holds whole.
    let writing = true;
    let next = 500_000_100;
    const writer = (async () => {
      while (writing && next < 500_000_250) await register(system!, authorization, next++);
    })();
    const file = path.join(dir, 'backup.tar.gz');
    await backupCluster({
      clusterDir: path.join(dir, 'postgres'),
      serverUrl: system.databases.embedded!.serverUrl,
      file,
    });
    writing = false;
    await writer;

    // After the backup: more people registered. The restore must not have them.
    for (let i = 0; i < 3; i += 1) await register(system, authorization, 500_001_001 + i);
    const after = (await graph(system, authorization, LIST)).data!.recipients;
    await system.stop();
    system = null;

    const previous = await restoreCluster({ clusterDir: path.join(dir, 'postgres'), file });
    expect(previous).toMatch(/before-restore/);

    system = await startSystem({ config, dashboardDir: false });
    const again = await authorizationFor(system, Role.COORDINATOR);
    const restored = (await graph(system, again, LIST)).data!.recipients;
    const restoredSnils = new Set(restored.edges.map((e: { node: { snils: string } }) => e.node.snils));
    // The five from before the backup are there; the three from after it are not.
    for (let i = 0; i < 5; i += 1) expect(restoredSnils.has(snilsFromBody(500_000_001 + i))).toBe(true);
    for (let i = 0; i < 3; i += 1) expect(restoredSnils.has(snilsFromBody(500_001_001 + i))).toBe(false);
    // Of the writes that raced the backup, some are in it and some not; nothing it holds is new.
    const before = new Set(after.edges.map((e: { node: { snils: string } }) => e.node.snils));
    for (const snils of restoredSnils) expect(before.has(snils)).toBe(true);
    expect(restored.totalCount).toBeLessThanOrEqual(after.totalCount - 3);
    // Each restored person comes with the audit record of their registration, and no other.
    expect(await auditCount(system)).toBe(restored.totalCount);
    // And the restored system takes writes again.
    expect((await register(system, again, 500_002_001)).errors).toBeUndefined();
  });

  it('refuses to restore over a running database', async () => {
    expect(system).not.toBeNull();
    await expect(
      restoreCluster({ clusterDir: path.join(dir, 'postgres'), file: path.join(dir, 'backup.tar.gz') }),
    ).rejects.toThrow(/stop the system/);
  });
});
