import path from 'node:path';
import { createLogger, loadConfig, restoreCluster, restoreDatabase } from '@sl/core';

/**
 * `pnpm db:restore <file>`: puts a backup of `pnpm db:backup` back. The system must be stopped;
 * the embedded cluster it replaces is kept beside it, renamed.
 */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const given = process.argv[2];
if (!given) {
  logger.error('usage: pnpm db:restore <backup file>');
  process.exit(2);
}
const file = path.resolve(given);
if (config.DATABASE_URL) {
  await restoreDatabase(config.DATABASE_URL, file);
  logger.info({ file }, 'backup restored');
} else {
  const previous = await restoreCluster({ clusterDir: path.join(config.DATA_DIR, 'postgres'), file });
  logger.info({ file, previous }, 'backup restored; the replaced cluster is kept at `previous`');
}
