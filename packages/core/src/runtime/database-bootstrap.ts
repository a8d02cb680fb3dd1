import os from 'node:os';
import path from 'node:path';
import { type Config, type SubgraphName, subgraphDatabaseUrl } from '../config/config.js';
import { ensureDatabase, withDatabase } from '../db/database.js';
import {
  type EmbeddedDatabase,
  embeddedPassword,
  sharedBuffersMb,
  startEmbeddedPostgres,
} from '../db/embedded.js';
import type { Logger } from '../logging/logger.js';

export interface Databases {
  urlFor(name: SubgraphName): string;
  embedded: EmbeddedDatabase | null;
  stop(): Promise<void>;
}

/**
 * Resolves each subgraph's database. A subgraph with a configured URL uses it; for the others the
 * program starts its own PostgreSQL in DATA_DIR (once, shared by them) and creates the database.
 */
export async function bootstrapDatabases(
  config: Config,
  names: readonly SubgraphName[],
  logger: Logger,
): Promise<Databases> {
  const explicit = new Map<SubgraphName, string>();
  for (const name of names) {
    const url = subgraphDatabaseUrl(config, name);
    if (url) explicit.set(name, url);
  }
  let embedded: EmbeddedDatabase | null = null;
  let embeddedUrl: string | null = null;
  if (explicit.size < names.length) {
    const { password, previous, keep } = embeddedPassword(config);
    embedded = await startEmbeddedPostgres({
      dir: path.join(config.DATA_DIR, 'postgres'),
      port: config.EMBEDDED_PG_PORT,
      password,
      ...(previous ? { previousPassword: previous } : {}),
      logger,
      sharedBuffersMb: sharedBuffersMb(config.EMBEDDED_PG_SHARED_BUFFERS_MB, os.totalmem()),
    });
    if (previous) keep?.();
    embeddedUrl = withDatabase(embedded.serverUrl, config.DATABASE_NAME);
    try {
      await ensureDatabase(embeddedUrl);
    } catch (error) {
      await embedded.stop();
      throw error;
    }
  }
  for (const url of new Set(explicit.values())) {
    await ensureDatabase(url).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not check or create the configured database; using it as it is'),
    );
  }
  return {
    embedded,
    urlFor(name) {
      const url = explicit.get(name) ?? embeddedUrl;
      if (!url) throw new Error(`No database for subgraph ${name}`);
      return url;
    },
    stop: async () => {
      await embedded?.stop();
    },
  };
}
