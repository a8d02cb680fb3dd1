import { systemClock } from '../clock.js';
import { describeConfig, loadConfig } from '../config/config.js';
import type { SubgraphDefinition } from '../graphql/subgraph.js';
import { startHttpServer } from '../http/server.js';
import { createLogger } from '../logging/logger.js';
import { bootstrapDatabases } from './database-bootstrap.js';
import { stopOnSignals } from './shutdown.js';
import { startSubgraphRuntime } from './subgraph-runtime.js';

/** Starts one subgraph as its own HTTP service (the split deployment); used by each package's main. */
export async function runSubgraphService(definition: SubgraphDefinition): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, { subgraph: definition.name });
  logger.info({ config: describeConfig(config) }, 'starting subgraph');
  const databases = await bootstrapDatabases(config, [definition.name], logger);
  const runtime = await startSubgraphRuntime(definition, {
    url: databases.urlFor(definition.name),
    poolMax: config.DB_POOL_MAX,
    logger,
    demo: config.DEMO_DATA ? { people: config.DEMO_PEOPLE, region: config.REGION } : undefined,
  });
  const server = await startHttpServer(
    {
      logger,
      clock: systemClock,
      production: config.NODE_ENV === 'production',
      maxBodyBytes: config.MAX_BODY_BYTES,
      schema: runtime.schema,
      buildContext: (base) => runtime.contextFor(base),
      ready: () => runtime.ping(),
    },
    { port: config.PORT, host: config.HOST },
  );
  logger.info({ url: server.url }, `subgraph ${definition.name} ready`);
  stopOnSignals(async () => {
    await server.close();
    await runtime.close();
    await databases.stop();
  }, logger);
}
