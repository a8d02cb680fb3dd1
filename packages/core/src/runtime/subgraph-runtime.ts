import type { MikroORM } from '@mikro-orm/postgresql';
import { type GraphQLSchema } from 'graphql';
import { AuditTrail } from '../audit/audit-trail.js';
import type { BaseContext, SubgraphContext } from '../context.js';
import { connectOrm } from '../db/orm.js';
import { demoPeople } from '../demo/people.js';
import { type BuiltSubgraph, buildFederatedSubgraph, type SubgraphDefinition } from '../graphql/subgraph.js';
import type { Logger } from '../logging/logger.js';

export interface SubgraphRuntime {
  definition: SubgraphDefinition;
  schema: GraphQLSchema;
  sdl: string;
  orm: MikroORM;
  /** The subgraph's context for one request: a fresh EntityManager fork and fresh loaders. */
  contextFor(base: BaseContext): SubgraphContext;
  /** True when the subgraph's database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  url: string;
  poolMax: number;
  logger: Logger;
  /** The region whose rule set the subgraph applies (configuration `REGION`). */
  region: string;
  demo?: { people: number; region: string } | undefined;
  onQuery?: (sql: string) => void;
  built?: BuiltSubgraph;
}

export async function startSubgraphRuntime(
  definition: SubgraphDefinition,
  options: RuntimeOptions,
): Promise<SubgraphRuntime> {
  const built = options.built ?? (await buildFederatedSubgraph(definition));
  const orm = await connectOrm({
    schema: definition.name,
    url: options.url,
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: options.poolMax,
    logger: options.logger,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  if (options.demo && options.demo.people > 0 && definition.seedDemo) {
    const em = orm.em.fork();
    await em.transactional(async (tx) => {
      // A transaction-level advisory lock keeps two processes from seeding the same schema twice.
      await tx
        .getConnection()
        .execute(
          `SELECT pg_advisory_xact_lock(hashtext('demo:${definition.name}'))`,
          [],
          'all',
          tx.getTransactionContext(),
        );
      await definition.seedDemo!(
        tx,
        demoPeople(options.demo!.people, options.demo!.region),
        options.demo!.region,
      );
    });
  }
  return {
    definition,
    schema: built.schema,
    sdl: built.sdl,
    orm,
    contextFor(base) {
      const em = orm.em.fork();
      return {
        ...base,
        subgraph: definition.name,
        region: options.region,
        em,
        loaders: definition.createLoaders(em),
        audit: new AuditTrail(),
      };
    },
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
