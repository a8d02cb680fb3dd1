import { type Clock, systemClock } from '../clock.js';
import { type Config, describeConfig, loadConfig } from '../config/config.js';
import type { SubgraphDefinition } from '../graphql/subgraph.js';
import { type RunningServer, startHttpServer } from '../http/server.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { bootstrapDatabases } from './database-bootstrap.js';
import { stopOnSignals } from './shutdown.js';
import { startSubgraphRuntime } from './subgraph-runtime.js';

export interface RunningSubgraphService {
  server: RunningServer;
  stop(): Promise<void>;
}

/** One subgraph as its own HTTP service (the split deployment), with its own database pool. */
export async function startSubgraphService(
  definition: SubgraphDefinition,
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<RunningSubgraphService> {
  const databases = await bootstrapDatabases(config, [definition.name], logger);
  const runtime = await startSubgraphRuntime(definition, {
    url: databases.urlFor(definition.name),
    poolMax: config.DB_POOL_MAX,
    region: config.REGION,
    logger,
    demo: config.DEMO_DATA ? { people: config.DEMO_PEOPLE, region: config.REGION } : undefined,
  }).catch(async (error: unknown) => {
    await databases.stop();
    throw error;
  });
  const server = await startHttpServer(
    {
      logger,
      clock,
      production: config.NODE_ENV === 'production',
      maxBodyBytes: config.MAX_BODY_BYTES,
      schema: runtime.schema,
      buildContext: (base) => runtime.contextFor(base),
      ready: () => runtime.ping(),
    },
    { port: config.PORT, host: config.HOST },
  );
  return {
    server,
    async stop() {
      await server.close();
      await runtime.close();
      await databases.stop();
    },
  };
}

/** Entry point of each subgraph package's `main`. */
export async function runSubgraphService(definition: SubgraphDefinition): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, { subgraph: definition.name });
  logger.info({ config: describeConfig(config) }, 'starting subgraph');
  const service = await startSubgraphService(definition, config, logger);
  logger.info({ url: service.server.url }, `subgraph ${definition.name} ready`);
  stopOnSignals(() => service.stop(), logger);
}
