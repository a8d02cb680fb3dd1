import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type GraphQLSchema } from 'graphql';
import { sealCaseAssignment } from '../access/case-seal.js';
import { sealedCaseCoordinators } from '../access/personal.js';
import { consentBoundMinistries, hasScopedRole, type SharingState } from '../access/scope.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { AuditBatcher, auditChangesWithTransactions } from '../audit/audit-writer.js';
import { localDateOf } from '../clock.js';
import { type Config, sessionSecret } from '../config/config.js';
import type { BaseContext, SubgraphContext } from '../context.js';
import { connectOrm } from '../db/orm.js';
import { demoProfile, generateDemoData } from '../demo/generator.js';
import { demoPeople } from '../demo/people.js';
import { FigureCache, setFigureCache } from '../graphql/figure-cache.js';
import { setCursorSecret } from '../graphql/pagination.js';
import { type BuiltSubgraph, buildFederatedSubgraph, type SubgraphDefinition } from '../graphql/subgraph.js';
import type { Logger } from '../logging/logger.js';
import { createPeers, type Peers } from './peers.js';

export interface SubgraphRuntime {
  definition: SubgraphDefinition;
  schema: GraphQLSchema;
  sdl: string;
  orm: MikroORM;
  /** The subgraph's context for one request: a fresh EntityManager fork and fresh loaders. */
  contextFor(base: BaseContext): SubgraphContext;
  /** Appends the request's audit trail to the log; throws when it cannot (the request then fails). */
  flushAudit(context: SubgraphContext): Promise<void>;
  /** True when the subgraph's database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config: Config;
  url: string;
  logger: Logger;
  onQuery?: (sql: string) => void;
  built?: BuiltSubgraph;
  /** The key shared with the gateway (SESSION_SECRET); by default the gateway process's own. */
  secret?: string;
  /** The other subgraphs, for questions asked through the graph; none = every such question fails. */
  peers?: Peers;
  /** Keep the audit log in this subgraph's own database (see `local-audit-log.ts`). */
  localAuditLog?: boolean;
}

export async function startSubgraphRuntime(
  definition: SubgraphDefinition,
  options: RuntimeOptions,
): Promise<SubgraphRuntime> {
  const { config } = options;
  const secret = options.secret ?? sessionSecret(config);
  setCursorSecret(secret);
  const peers = options.peers ?? createPeers(config, secret, new Map());
  const built = options.built ?? (await buildFederatedSubgraph(definition));
  const orm = await connectOrm({
    schema: definition.name,
    url: options.url,
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: config.DB_POOL_MAX,
    statementTimeoutMs: config.STATEMENT_TIMEOUT_MS,
    schemaRole: config.DB_SCHEMA_ROLES,
    localAuditLog: options.localAuditLog ?? false,
    logger: options.logger,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  // A transaction-level advisory lock keeps two processes from seeding the same schema twice.
  const seedExclusively = (what: string, seed: (tx: EntityManager) => Promise<void>) =>
    orm.em.fork().transactional(async (tx) => {
      await tx
        .getConnection()
        .execute(
          `SELECT pg_advisory_xact_lock(hashtext('${what}:${definition.name}'))`,
          [],
          'all',
          tx.getTransactionContext(),
        );
      await seed(tx);
    });
  try {
    if (definition.onStart) await definition.onStart(orm.em.fork(), config);
    if (definition.seedReference) {
      await seedExclusively('reference', (tx) => definition.seedReference!(tx, config.REGION));
    }
    if (config.DEMO_DATA && config.DEMO_PEOPLE > 0 && definition.seedDemo) {
      await seedExclusively('demo', (tx) =>
        definition.seedDemo!(tx, demoPeople(config.DEMO_PEOPLE, config.REGION), config.REGION),
      );
    }
    // The demo profile of the data generator, through the same COPY path as `pnpm data:generate`.
    if (config.DEMO_DATA && config.DEMO_PEOPLE > 0 && definition.demo) {
      await generateDemoData([{ name: definition.name, orm, seeder: definition.demo }], {
        region: config.REGION,
        profile: demoProfile('demo', config.DEMO_PEOPLE),
        logger: options.logger,
      });
    }
    await keepFigures(orm, definition.name, config, options.logger);
  } catch (error) {
    await orm.close();
    throw error;
  }
  const audit = new AuditBatcher(() => orm.em.fork());
  return {
    definition,
    schema: built.schema,
    sdl: built.sdl,
    orm,
    contextFor(base) {
      const em = orm.em.fork();
      const context: SubgraphContext = {
        ...base,
        subgraph: definition.name,
        config,
        region: config.REGION,
        em,
        loaders: definition.createLoaders(em),
        audit: new AuditTrail(),
        sealCaseAssignment: (recipientId, ids) =>
          sealCaseAssignment(secret, context.clock.now(), recipientId, ids),
        caseCoordinatorsOf: (recipientId, root) =>
          sealedCaseCoordinators(secret, context.clock.now(), recipientId, root),
        peer: (subgraph, query, variables) => peers.query(subgraph, query, variables, context),
      };
      auditChangesWithTransactions(em, () => context);
      const actor = base.actor;
      if (actor && hasScopedRole(actor) && definition.scope) {
        const check = definition.scope(em);
        const loader = new DataLoader<string, boolean>(async (ids) => {
          const allowed = await check(actor, ids);
          return ids.map((id) => allowed.has(id));
        });
        context.inScope = (recipientId) => loader.load(recipientId);
      }
      if (actor && definition.sharing && consentBoundMinistries(actor).length > 0) {
        const check = definition.sharing(em, () => localDateOf(context.clock.now()));
        const loader = new DataLoader<string, SharingState>(async (ids) => {
          const states = await check(actor, ids);
          return ids.map((id) => states.get(id) ?? 'MISSING');
        });
        context.sharing = (recipientId) => loader.load(recipientId);
      }
      return context;
    },
    flushAudit: (context) => audit.write(context),
    async ping() {
      try {
        await orm.em.getConnection().execute('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => orm.close(),
  };
}

/** Figures are kept between requests where the schema's migrations keep a version of its data. */
async function keepFigures(orm: MikroORM, schema: string, config: Config, logger: Logger): Promise<void> {
  if (config.INDICATORS_MAX_AGE_SECONDS === 0) return;
  const sequence = `${schema}.figures_version`;
  const row = (await orm.em
    .getConnection()
    .execute('select to_regclass(?) is not null as present', [sequence], 'get')) as { present: boolean };
  if (!row.present) return;
  setFigureCache(
    orm.em,
    new FigureCache({
      sequence,
      staleMs: config.INDICATORS_STALE_SECONDS * 1000,
      maxAgeMs: config.INDICATORS_MAX_AGE_SECONDS * 1000,
      maxEntries: 10_000,
      logger,
    }),
  );
}
