/**
 * The only module that knows which gateway library serves the supergraph: composition here, then
 * one of two engines chosen by GATEWAY_ENGINE — @apollo/gateway (`apollo-engine.ts`) or Hive
 * Gateway with Hive Router's query planner (`hive-engine.ts`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { type GatewayEngine, LocalDate } from '@sl/core';
import { buildSchema, GraphQLScalarType, type GraphQLSchema, parse, printSchema } from 'graphql';
import { createApolloEngine } from './apollo-engine.js';
import type { SubgraphSource } from './engine.js';
import { createHiveEngine } from './hive-engine.js';

export type { SubgraphSource } from './engine.js';

/** Static composition from the subgraphs' SDL: no introspection polling at run time. */
export function composeSupergraph(sources: Pick<SubgraphSource, 'name' | 'sdl' | 'url'>[]): string {
  return composeGraph(sources).supergraphSdl;
}

/**
 * The public API schema clients see: the composed graph without federation's directives and types,
 * with the graph's own custom scalars (so values can be checked at the edge).
 */
export function composeApiSchema(sources: Pick<SubgraphSource, 'name' | 'sdl' | 'url'>[]): GraphQLSchema {
  return apiSchemaOf(composeGraph(sources));
}

function apiSchemaOf(composed: ReturnType<typeof composeGraph>): GraphQLSchema {
  return withOwnScalars(plainApiSchemaOf(composed));
}

function plainApiSchemaOf(composed: ReturnType<typeof composeGraph>): GraphQLSchema {
  return composed.schema.toAPISchema().toGraphQLJSSchema();
}

/** The SDL of the public contract, as `schema/api.graphql` holds it and `/schema/api.graphql` serves it. */
export function printApiSchema(apiSchema: GraphQLSchema): string {
  return `${printSchema(apiSchema).trim()}\n`;
}

const OWN_SCALARS = new Map<string, GraphQLScalarType>([[LocalDate.name, LocalDate]]);

function withOwnScalars(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.SCALAR_TYPE]: (type) => {
      const own = OWN_SCALARS.get(type.name);
      return own ? new GraphQLScalarType({ ...own.toConfig(), description: type.description }) : type;
    },
  });
}

function composeGraph(sources: Pick<SubgraphSource, 'name' | 'sdl' | 'url'>[]) {
  const result = composeServices(
    sources.map((s) => ({ name: s.name, typeDefs: parse(s.sdl), url: s.url ?? `in-process://${s.name}` })),
  );
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result;
}

export interface GatewayOptions {
  /** Which library plans and executes queries (GATEWAY_ENGINE). */
  engine: GatewayEngine;
  onUnexpected: (error: unknown) => void;
  secret: string;
  /** How long a separately deployed subgraph may take to answer (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs: number;
  queryPlanCacheMiB: number;
  documentCacheMiB: number;
  /** A private folder to keep composed supergraphs in; none = compose on every start. */
  cacheDir?: string;
}

/**
 * Composition is a pure function of the subgraphs' SDL and takes a second or two of CPU: the
 * supergraph and its API schema are kept in `cacheDir` under the hash of their input, so a restart
 * with unchanged subgraphs (and each test file of a run) skips it. The folder must be the
 * program's own (DATA_DIR), never a shared one: whoever can write there can reroute the graph.
 */
function composeCached(
  sources: Pick<SubgraphSource, 'name' | 'sdl' | 'url'>[],
  cacheDir: string | undefined,
): { supergraphSdl: string; plainApiSchema: GraphQLSchema } {
  if (!cacheDir) {
    const composed = composeGraph(sources);
    return { supergraphSdl: composed.supergraphSdl, plainApiSchema: plainApiSchemaOf(composed) };
  }
  const key = createHash('sha256')
    .update(JSON.stringify(sources.map((s) => [s.name, s.sdl, s.url ?? null])))
    .digest('hex')
    .slice(0, 32);
  const supergraphFile = path.join(cacheDir, `supergraph-${key}.graphql`);
  const apiFile = path.join(cacheDir, `api-${key}.graphql`);
  try {
    const supergraphSdl = readFileSync(supergraphFile, 'utf8');
    return { supergraphSdl, plainApiSchema: buildSchema(readFileSync(apiFile, 'utf8')) };
  } catch {
    const composed = composeGraph(sources);
    const plainApiSchema = plainApiSchemaOf(composed);
    try {
      mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      // The API schema first and each file renamed into place whole: a reader that finds the
      // supergraph finds its API schema too, whatever another process writes at the same time.
      for (const [file, text] of [
        [apiFile, printApiSchema(withOwnScalars(plainApiSchema))],
        [supergraphFile, composed.supergraphSdl],
      ] as const) {
        const partial = `${file}.${process.pid}.${key}.tmp`;
        writeFileSync(partial, text, { mode: 0o600 });
        renameSync(partial, file);
      }
    } catch {
      // A read-only DATA_DIR only costs the next start its composition.
    }
    return { supergraphSdl: composed.supergraphSdl, plainApiSchema };
  }
}

export function createGateway(
  sources: SubgraphSource[],
  options: GatewayOptions,
): { gateway: GatewayInterface; supergraphSdl: string; apiSchema: GraphQLSchema } {
  const { supergraphSdl, plainApiSchema } = composeCached(sources, options.cacheDir);
  const engine = options.engine === 'hive' ? createHiveEngine : createApolloEngine;
  const gateway = engine({ ...options, sources, supergraphSdl, apiSchema: plainApiSchema });
  return { gateway, supergraphSdl, apiSchema: withOwnScalars(plainApiSchema) };
}
