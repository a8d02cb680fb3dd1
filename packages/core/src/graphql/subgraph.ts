import { buildSubgraphSchema, type GraphQLResolverMap, printSubgraphSchema } from '@apollo/subgraph';
import { MapperKind, mapSchema, printSchemaWithDirectives } from '@graphql-tools/utils';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type GraphQLFieldResolver,
  GraphQLObjectType,
  type GraphQLSchema,
  isNonNullType,
  parse,
} from 'graphql';
import {
  type BuildSchemaOptions,
  buildSchema,
  createResolversMap,
  getMetadataStorage,
  type NonEmptyArray,
} from 'type-graphql';
import { authChecker } from '../access/auth-checker.js';
import {
  PERSONAL_EXTENSION,
  type PersonalFieldExtension,
  personalFieldResolver,
  REFUSABLE_EXTENSION,
} from '../access/personal.js';
import { recordingRefusals } from '../access/refused-operation.js';
import type { ScopeCheck, SharingCheck } from '../access/scope.js';
import type { Config, SubgraphName } from '../config/config.js';
import type { BaseContext, SubgraphContext } from '../context.js';
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
function absentWhenNull(
  resolve: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  return (root, args: Record<string, unknown>, context, info) => {
    if (info.operation.operation === 'query') {
      for (const key of Object.keys(args)) if (args[key] === null) delete args[key];
    }
    return resolve(root, args, context, info);
  };
}

/**
 * Resolvers changed after type-graphql built them, without its middleware chain, which makes every
 * field it wraps a promise (a global middleware would wrap every column of every row): personal
 * plain properties get `personalFieldResolver`, fields with arguments `absentWhenNull`, root fields
 * `recordingRefusals`.
 */
function refineResolvers(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>): void {
  const storage = getMetadataStorage();
  const resolved = new Set(
    storage.fieldResolvers.map((f) => {
      const target = f.getObjectType?.();
      const type = storage.objectTypes.find((o) => o.target === target);
      return `${type?.name}.${f.schemaName}`;
    }),
  );
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    const map = resolvers[type.name] as Record<string, unknown> | undefined;
    for (const field of Object.values(type.getFields())) {
      const personal = field.extensions?.[PERSONAL_EXTENSION] as PersonalFieldExtension | undefined;
      if (personal) {
        // A field resolver of the same name would be bypassed: its own @Personal guards it.
        if (field.args.length > 0 || !map || resolved.has(`${type.name}.${field.name}`))
          throw new Error(`${type.name}.${field.name}: @Personal on a property that has a field resolver`);
        map[field.name] = personalFieldResolver(personal);
      } else if (field.args.length > 0 && map && typeof map[field.name] === 'function') {
        map[field.name] = absentWhenNull(map[field.name] as GraphQLFieldResolver<unknown, unknown>);
      }
      if (ROOT_TYPES.has(type.name) && map && typeof map[field.name] === 'function') {
        map[field.name] = recordingRefusals(map[field.name] as GraphQLFieldResolver<unknown, BaseContext>);
      }
    }
  }
}

/** Root types whose refused fields are recorded in the audit log (`recordingRefusals`). */
const ROOT_TYPES = new Set(['Query', 'Mutation']);

/**
 * A personal field may be refused for one person of a page (consent withdrawn, not their case, not
 * their provider's): published nullable, the refusal nulls that field of that person with an error
 * at its path, and the page, its other people and its cursor still arrive.
 */
function refusableFieldsNullable(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) =>
      field.extensions?.[REFUSABLE_EXTENSION] && isNonNullType(field.type)
        ? { ...field, type: field.type.ofType }
        : field,
  });
}

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
  const built = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes ?? [],
    skipCheck: true,
    validate: { forbidUnknownValues: false },
    authChecker,
    authMode: 'error',
    ...options,
  });
  const schema = refusableFieldsNullable(built);
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  refineResolvers(schema, resolvers);
  for (const [typeName, reference] of Object.entries(definition.referenceResolvers ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      ...reference,
    } as GraphQLResolverMap<unknown>[string];
  }
  const federated = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return { schema: federated, sdl: printSubgraphSchema(federated) };
}
