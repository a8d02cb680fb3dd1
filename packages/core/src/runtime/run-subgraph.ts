import type { Express } from 'express';
import { ACTOR_HEADER, OPERATION_HEADER, verifyActorAssertion } from '../access/actor-assertion.js';
import { AuditForwarder, mountAuditIngest } from '../audit/audit-forwarder.js';
import { auditPlugin } from '../audit/audit-plugin.js';
import { type Clock, systemClock } from '../clock.js';
import { type Config, ConfigError, describeConfig, loadConfig, sessionSecret } from '../config/config.js';
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
  // Before anything else: a subgraph served alone trusts only assertions signed with the key it
  // shares with the gateway, so without SESSION_SECRET (outside tests) it refuses to start.
  const secret = sessionSecret(config, 'shared');
  // The access subgraph's log is the log; any other subgraph may keep its own and send it there.
  const isAccess = definition.name === 'access';
  const localAuditLog = config.AUDIT_LOG === 'local' && !isAccess;
  if (localAuditLog && !config.ACCESS_URL) {
    throw new ConfigError(['ACCESS_URL: required with AUDIT_LOG=local (where the audit rows are sent)']);
  }
  const databases = await bootstrapDatabases(config, [definition.name], logger);
  const runtime = await startSubgraphRuntime(definition, {
    config,
    url: databases.urlFor(definition.name),
    logger,
    secret,
    localAuditLog,
  }).catch(async (error: unknown) => {
    await databases.stop();
    throw error;
  });
  const forwarder =
    localAuditLog && config.ACCESS_URL
      ? new AuditForwarder(runtime.orm, {
          subgraph: definition.name,
          accessUrl: config.ACCESS_URL,
          secret,
          logger: logger.child({ component: 'audit-forwarder' }),
        })
      : undefined;
  const server = await startHttpServer(
    {
      logger,
      clock,
      production: config.NODE_ENV === 'production',
      maxBodyBytes: config.MAX_BODY_BYTES,
      documentCacheMiB: config.DOCUMENT_CACHE_MB,
      schema: runtime.schema,
      // Only the gateway's signed assertion says who is asking; without one the caller is anonymous
      // and every protected field refuses.
      buildContext: async (base, req) =>
        runtime.contextFor({
          ...base,
          actor: await verifyActorAssertion(req.header(ACTOR_HEADER), secret),
          operationName: req.header(OPERATION_HEADER)?.slice(0, 200) || undefined,
        }),
      plugins: [auditPlugin((context) => runtime.flushAudit(context), logger)],
      ready: () => runtime.ping(),
      ...(isAccess
        ? {
            extend: (app: Express) =>
              mountAuditIngest(app, {
                orm: runtime.orm,
                secret,
                logger,
                maxBodyBytes: config.MAX_BODY_BYTES,
              }),
          }
        : {}),
    },
    { port: config.PORT, host: config.HOST },
  );
  forwarder?.start();
  return {
    server,
    async stop() {
      await forwarder?.stop();
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
