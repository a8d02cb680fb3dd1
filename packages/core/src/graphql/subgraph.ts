import { buildSubgraphSchema, type GraphQLResolverMap, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type GraphQLSchema, parse } from 'graphql';
import {
  type BuildSchemaOptions,
  buildSchema,
  createResolversMap,
  type MiddlewareFn,
  type NonEmptyArray,
} from 'type-graphql';
import { authChecker } from '../access/auth-checker.js';
import type { ScopeCheck, SharingCheck } from '../access/scope.js';
import type { Config, SubgraphName } from '../config/config.js';
import type { SubgraphContext } from '../context.js';
import type { MigrationClass } from '../db/orm.js';
import type { DemoSeeder } from '../demo/generator.js';
import type { DemoPerson } from '../demo/people.js';

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])`;

// Method syntax on purpose: each subgraph narrows the context to its own loaders.
export type ReferenceResolvers = Record<
  string,
  { __resolveReference(reference: Record<string, unknown>, context: SubgraphContext): unknown }
>;

/** Everything that makes one subgraph; the same definition runs in the gateway or alone. */
export interface SubgraphDefinition<Loaders = unknown> {
  name: SubgraphName;
  // biome-ignore lint/complexity/noBannedTypes: type-graphql and MikroORM take classes
  entities: Function[];
  migrations: MigrationClass[];
  // biome-ignore lint/complexity/noBannedTypes: type-graphql resolver classes
  resolvers: NonEmptyArray<Function>;
  // biome-ignore lint/complexity/noBannedTypes: type-graphql object types
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  /** Request-scoped DataLoaders, built for each request on its EntityManager fork. */
  createLoaders(em: EntityManager): Loaders;
  /** Demo data that is not about people (access: the demo accounts). */
  seedDemo?(em: EntityManager, people: DemoPerson[], region: string): Promise<void>;
  /** This subgraph's part of the generated people's data (the data generator, the demo at start). */
  demo?: DemoSeeder;
  /** Which people a scoped actor (provider staff) may see, from this subgraph's own tables. */
  scope?(em: EntityManager): ScopeCheck;
  /** Where the person's consents decide what is shared with ministry officers (social). */
  sharing?(em: EntityManager, today: () => string): SharingCheck;
  /** Runs once the schema is migrated, before requests: reference data, the first administrator. */
  onStart?(em: EntityManager, config: Config): Promise<void>;
  /** Loads the region's reference data (e.g. its registry of providers) at every start; idempotent. */
  seedReference?(em: EntityManager, region: string): Promise<void>;
}

/**
 * In a query, an argument sent as `null` means the same as one left out (`filter: null`, `after:
 * null`): drop it, so resolvers' defaults apply instead of crashing on null. Mutations keep their
 * nulls, where "null clears" can mean something.
 */
const absentWhenNull: MiddlewareFn = ({ args, info }, next) => {
  if (info.operation.operation === 'query') {
    for (const key of Object.keys(args)) if (args[key] === null) delete args[key];
  }
  return next();
};

export interface BuiltSubgraph {
  schema: GraphQLSchema;
  /** The subgraph's SDL with federation directives, as composition reads it. */
  sdl: string;
}

/**
 * type-graphql has no federation support of its own: build its schema, print it with the
 * directives (`@key` survives only with printSchemaWithDirectives), prefix the federation link and
 * let `buildSubgraphSchema` add `_entities`/`_service`, with type-graphql's resolvers merged with the
 * reference resolvers.
 */
export async function buildFederatedSubgraph(
  definition: Pick<SubgraphDefinition, 'resolvers' | 'orphanedTypes' | 'referenceResolvers'>,
  options: Partial<BuildSchemaOptions> = {},
): Promise<BuiltSubgraph> {
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes ?? [],
    skipCheck: true,
    validate: { forbidUnknownValues: false },
    authChecker,
    authMode: 'error',
    globalMiddlewares: [absentWhenNull],
    ...options,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(definition.referenceResolvers ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      ...reference,
    } as GraphQLResolverMap<unknown>[string];
  }
  const federated = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return { schema: federated, sdl: printSubgraphSchema(federated) };
}
