import {
  bootstrapDatabases,
  buildFederatedSubgraph,
  type Clock,
  type Config,
  createLogger,
  type Databases,
  type Logger,
  type RunningServer,
  type SubgraphName,
  type SubgraphRuntime,
  startHttpServer,
  startSubgraphRuntime,
  subgraphServiceUrl,
  systemClock,
} from '@sl/core';
import { createGateway, type SubgraphSource } from './gateway/supergraph.js';
import { subgraphDefinitions } from './subgraphs.js';

export interface SystemOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  /** Called with each SQL statement of every in-process subgraph (tests count them). */
  onQuery?: (subgraph: SubgraphName, sql: string) => void;
}

export interface RunningSystem {
  server: RunningServer;
  runtimes: Map<SubgraphName, SubgraphRuntime>;
  databases: Databases;
  supergraphSdl: string;
  logger: Logger;
  /** Stops taking requests, finishes those in flight, closes the pools and the embedded database. */
  stop(): Promise<void>;
}

/** Starts the whole graph: databases, in-process subgraphs (or links to remote ones), the gateway. */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const local = subgraphDefinitions.filter((d) => !subgraphServiceUrl(config, d.name));
  const databases = await bootstrapDatabases(
    config,
    local.map((d) => d.name),
    logger,
  );
  const runtimes = new Map<SubgraphName, SubgraphRuntime>();
  const stopRuntimes = async () => {
    for (const runtime of runtimes.values()) await runtime.close();
  };
  try {
    const sources: SubgraphSource[] = [];
    for (const definition of subgraphDefinitions) {
      const built = await buildFederatedSubgraph(definition);
      const url = subgraphServiceUrl(config, definition.name);
      if (url) {
        sources.push({ name: definition.name, sdl: built.sdl, url });
        continue;
      }
      const onQuery = options.onQuery;
      const runtime = await startSubgraphRuntime(definition, {
        url: databases.urlFor(definition.name),
        poolMax: config.DB_POOL_MAX,
        region: config.REGION,
        logger: logger.child({ subgraph: definition.name }),
        demo: config.DEMO_DATA ? { people: config.DEMO_PEOPLE, region: config.REGION } : undefined,
        built,
        ...(onQuery ? { onQuery: (sql: string) => onQuery(definition.name, sql) } : {}),
      });
      runtimes.set(definition.name, runtime);
      sources.push({ name: definition.name, sdl: built.sdl, runtime });
    }
    const { gateway, supergraphSdl } = createGateway(sources, (error) =>
      logger.error({ err: error }, 'unexpected error in a subgraph'),
    );
    const remote = sources.filter((s) => s.url);
    const server = await startHttpServer(
      {
        logger,
        clock,
        production: config.NODE_ENV === 'production',
        maxBodyBytes: config.MAX_BODY_BYTES,
        gateway,
        buildContext: (base, req) => ({ ...base, authorization: req.header('authorization') }),
        ready: async () => {
          const checks = [
            ...[...runtimes.values()].map((r) => r.ping()),
            ...remote.map((s) =>
              fetch(s.url!.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(2000) }).then(
                (r) => r.ok,
                () => false,
              ),
            ),
          ];
          return (await Promise.all(checks)).every(Boolean);
        },
      },
      { port: config.PORT, host: config.HOST },
    );
    return {
      server,
      runtimes,
      databases,
      supergraphSdl,
      logger,
      async stop() {
        await server.close();
        await stopRuntimes();
        await databases.stop();
      },
    };
  } catch (error) {
    await stopRuntimes();
    await databases.stop();
    throw error;
  }
}
