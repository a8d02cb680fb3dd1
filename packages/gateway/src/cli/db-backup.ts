import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  backupCluster,
  clusterRunning,
  createLogger,
  dumpDatabase,
  embeddedPassword,
  loadConfig,
  startEmbeddedPostgres,
} from '@sl/core';

/**
 * `pnpm db:backup [file]`: the program's own PostgreSQL is backed up online with PostgreSQL's backup
 * API (a .tar.gz of the cluster), a server of its own (DATABASE_URL) with pg_dump (custom format).
 */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const external = config.DATABASE_URL;
const file = path.resolve(
  process.argv[2] ??
    path.join(config.DATA_DIR, 'backups', `supported-living-${stamp}.${external ? 'dump' : 'tar.gz'}`),
);
await mkdir(path.dirname(file), { recursive: true });
if (external) {
  await dumpDatabase(external, file);
} else {
  const clusterDir = path.join(config.DATA_DIR, 'postgres');
  const { password, previous, keep } = embeddedPassword(config);
  const serverUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.EMBEDDED_PG_PORT}/postgres`;
  if (await clusterRunning(clusterDir)) {
    await backupCluster({ clusterDir, serverUrl, file });
  } else {
    const db = await startEmbeddedPostgres({
      dir: clusterDir,
      port: config.EMBEDDED_PG_PORT,
      password,
      ...(previous ? { previousPassword: previous } : {}),
      logger,
    });
    if (previous) keep?.();
    try {
      await backupCluster({ clusterDir, serverUrl: db.serverUrl, file });
    } finally {
      await db.stop();
    }
  }
}
logger.info({ file }, 'backup written');
