import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Authenticator, accessSubgraph } from '@sl/access';
import {
  accessMatrix,
  type BaseContext,
  bootstrapDatabases,
  buildFederatedSubgraph,
  type Clock,
  type Config,
  connectOrm,
  createLogger,
  createPeers,
  type Databases,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  type Logger,
  localDateOf,
  type RunningServer,
  type SubgraphDefinition,
  type SubgraphName,
  type SubgraphRuntime,
  sessionSecret,
  startHttpServer,
  startSubgraphRuntime,
  subgraphServiceUrl,
  systemClock,
} from '@sl/core';
import { GraphQLError } from 'graphql';
import { mountAuditExport } from './audit/audit-export.route.js';
import { mountDocumentDownload } from './documents/document-download.route.js';
import { mountDashboard } from './edge/dashboard.js';
import {
  credentialRequired,
  mountApiContract,
  mountCors,
  mountGraphQLHttp,
  scalarCoercion,
  specificationStatus,
} from './edge/graphql-http.js';
import { mountIdempotency } from './edge/idempotency.js';
import { passwordChangeGate } from './edge/password-change.js';
import { mountRateLimit, operationPolicy, queryLimits } from './edge/protection.js';
import { mountEvidenceDownload } from './evidence/evidence-download.route.js';
import { createGateway, printApiSchema, type SubgraphSource } from './gateway/supergraph.js';
import { mountLetters } from './letters/letters.route.js';
import { mountReports } from './reports/reports.route.js';
import { subgraphDefinitions } from './subgraphs.js';

export interface SystemOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  /** Called with each SQL statement of every in-process subgraph (tests count them). */
  onQuery?: (subgraph: SubgraphName, sql: string) => void;
  /** The built dashboard to serve at `/` (default: packages/dashboard/dist); false: none. */
  dashboardDir?: string | false;
}

export interface RunningSystem {
  server: RunningServer;
  runtimes: Map<SubgraphName, SubgraphRuntime>;
  databases: Databases;
  supergraphSdl: string;
  logger: Logger;
  /** The access schema the gateway authenticates against (accounts, sessions, API clients). */
  accessOrm: MikroORM;
  /** Stops taking requests, finishes those in flight, closes the pools and the embedded database. */
  stop(): Promise<void>;
}

/** `Query.x` / `Mutation.x` open to a caller without credentials (signing in). */
function publicRootFields(): Set<string> {
  return new Set(
    accessMatrix()
      .filter((row) => row.roles === null && (row.type === 'Query' || row.type === 'Mutation'))
      .map((row) => `${row.type}.${row.field}`),
  );
}

/** Starts the whole graph: databases, in-process subgraphs (or links to remote ones), the gateway. */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const local = subgraphDefinitions.filter((d) => !subgraphServiceUrl(config, d.name));
  // Refuses to start without SESSION_SECRET when subgraphs run elsewhere (they must share it).
  const secret = sessionSecret(config, local.length < subgraphDefinitions.length ? 'shared' : 'local');
  // The gateway authenticates against the access schema even when that subgraph runs elsewhere.
  const databaseNames = [...new Set<SubgraphName>(['access', ...local.map((d) => d.name)])];
  const databases = await bootstrapDatabases(config, databaseNames, logger);
  const runtimes = new Map<SubgraphName, SubgraphRuntime>();
  // Subgraphs ask each other through the graph: the runtimes here, the others at their URLs.
  const peers = createPeers(config, secret, runtimes);
  let accessOrm: MikroORM | null = null;
  const stopRuntimes = async () => {
    for (const runtime of runtimes.values()) await runtime.close();
    await accessOrm?.close();
  };
  try {
    const start = async (definition: SubgraphDefinition): Promise<SubgraphSource> => {
      const built = await buildFederatedSubgraph(definition);
      const url = subgraphServiceUrl(config, definition.name);
      if (url) return { name: definition.name, sdl: built.sdl, url };
      const onQuery = options.onQuery;
      const runtime = await startSubgraphRuntime(definition, {
        config,
        url: databases.urlFor(definition.name),
        logger: logger.child({ subgraph: definition.name }),
        built,
        secret,
        peers,
        ...(onQuery ? { onQuery: (sql: string) => onQuery(definition.name, sql) } : {}),
      });
      runtimes.set(definition.name, runtime);
      return { name: definition.name, sdl: built.sdl, runtime };
    };
    // Access first: its schema holds the audit log the others are granted to append to. The others
    // own separate schemas and start side by side (migrations and demo data wait on the database).
    const [first, ...rest] = subgraphDefinitions;
    const sources = [await start(first!)];
    const started = await Promise.allSettled(rest.map(start));
    for (const result of started) {
      if (result.status === 'rejected') throw result.reason;
      sources.push(result.value);
    }
    const { gateway, supergraphSdl, apiSchema } = createGateway(sources, {
      engine: config.GATEWAY_ENGINE,
      onUnexpected: (error) => logger.error({ err: error }, 'unexpected error in a subgraph'),
      secret,
      subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
      queryPlanCacheMiB: config.QUERY_PLAN_CACHE_MB,
      documentCacheMiB: config.DOCUMENT_CACHE_MB,
      cacheDir: path.join(config.DATA_DIR, 'cache'),
    });
    const remote = sources.filter((s) => s.url);
    const accessRuntime = runtimes.get('access');
    if (!accessRuntime) {
      accessOrm = await connectOrm({
        schema: 'access',
        url: databases.urlFor('access'),
        entities: accessSubgraph.entities,
        migrations: accessSubgraph.migrations,
        poolMax: config.DB_POOL_MAX,
        statementTimeoutMs: config.STATEMENT_TIMEOUT_MS,
        schemaRole: config.DB_SCHEMA_ROLES,
        logger,
      });
    }
    const authOrm = accessRuntime?.orm ?? accessOrm!;
    const authenticator = new Authenticator(() => authOrm.em.fork(), config, clock);
    const limits = queryLimits(config);
    const server = await startHttpServer(
      {
        logger,
        clock,
        production: config.NODE_ENV === 'production',
        maxBodyBytes: config.MAX_BODY_BYTES,
        documentCacheMiB: config.DOCUMENT_CACHE_MB,
        gateway,
        validationRules: limits.validationRules,
        plugins: [
          ...limits.plugins,
          specificationStatus,
          credentialRequired(publicRootFields()),
          passwordChangeGate,
          scalarCoercion(apiSchema),
          operationPolicy,
        ],
        extend: (app) => {
          mountApiContract(app, printApiSchema(apiSchema));
          mountCors(app, config.CORS_ORIGINS);
          mountRateLimit(app, config);
          mountGraphQLHttp(app, config);
          mountIdempotency(app, { em: () => authOrm.em.fork(), config, clock, logger });
          mountReports(app, { supergraphSdl, region: config.REGION, today: () => localDateOf(clock.now()) });
          mountAuditExport(app, { orm: () => authOrm, authenticator, config, clock });
          mountEvidenceDownload(app);
          mountDocumentDownload(app);
          mountLetters(app, { today: () => localDateOf(clock.now()) });
          if (options.dashboardDir !== false) mountDashboard(app, options.dashboardDir);
        },
        buildContext: async (base, req): Promise<BaseContext> => {
          try {
            return { ...base, actor: await authenticator.authenticate(req.header('authorization')) };
          } catch (error) {
            // A database that is down is not a failed sign-in: say so, and let the client retry.
            if (isDatabaseUnavailable(error)) {
              const unavailable = new DatabaseUnavailableError();
              throw new GraphQLError(unavailable.message, {
                extensions: { code: unavailable.code, http: { status: 503 } },
              });
            }
            const message = error instanceof Error ? error.message : 'Требуется вход в систему';
            throw new GraphQLError(message, {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        },
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
      accessOrm: authOrm,
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
