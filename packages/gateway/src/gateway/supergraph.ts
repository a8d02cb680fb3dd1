/**
 * The only module that knows which gateway library serves the supergraph (@apollo/gateway today).
 * Swapping it after measuring touches this file alone.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import {
  ApolloGateway,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  RemoteGraphQLDataSource,
} from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  ACTOR_HEADER,
  AppError,
  AUDIT_UNAVAILABLE,
  type BaseContext,
  DatabaseUnavailableError,
  formatError,
  isDatabaseUnavailable,
  LocalDate,
  OPERATION_HEADER,
  type SubgraphContext,
  type SubgraphRuntime,
  signActorAssertion,
} from '@sl/core';
import {
  buildSchema,
  type DocumentNode,
  execute,
  GraphQLError,
  GraphQLScalarType,
  type GraphQLSchema,
  parse,
  printSchema,
  validate,
} from 'graphql';
import { LRUCache } from 'lru-cache';

export interface SubgraphSource {
  name: string;
  sdl: string;
  /** Set for a subgraph deployed separately; otherwise `runtime` serves it in this process. */
  url?: string;
  runtime?: SubgraphRuntime;
}

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
  return withOwnScalars(composed.schema.toAPISchema().toGraphQLJSSchema());
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

/**
 * Runs a subgraph inside the gateway's process. Each subgraph gets its own context per request
 * (its own EntityManager fork and loaders), shared by every fetch the query plan makes to it, and
 * its errors go through the same formatter as over HTTP.
 */
class InProcessDataSource implements GraphQLDataSource<Record<string, unknown>> {
  private readonly contexts = new WeakMap<object, SubgraphContext>();
  /**
   * The query planner sends each subgraph the same few operations over and over, differing only in
   * their variables: parse and validate each text once. Sized in bytes of query text, times a
   * factor for the syntax tree built from it.
   */
  private readonly documents: LRUCache<string, DocumentNode | readonly GraphQLError[]>;

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly onUnexpected: (error: unknown) => void,
    documentCacheMiB: number,
  ) {
    this.documents = new LRUCache({
      maxSize: documentCacheMiB * 2 ** 20,
      sizeCalculation: (_value, query) => query.length * AST_BYTES_PER_CHARACTER,
    });
  }

  private document(query: string): DocumentNode | readonly GraphQLError[] {
    let document = this.documents.get(query);
    if (!document) {
      try {
        const parsed = parse(query);
        const errors = validate(this.runtime.schema, parsed);
        document = errors.length > 0 ? errors : parsed;
      } catch (error) {
        document = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      this.documents.set(query, document);
    }
    return document;
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions<Record<string, unknown>>) {
    const base = context as unknown as BaseContext;
    let subgraphContext = this.contexts.get(base);
    if (!subgraphContext) {
      subgraphContext = this.runtime.contextFor(base);
      this.contexts.set(base, subgraphContext);
    }
    const document = this.document(request.query ?? '');
    const result =
      'kind' in document
        ? await execute({
            schema: this.runtime.schema,
            document,
            variableValues: request.variables ?? {},
            operationName: request.operationName ?? null,
            contextValue: subgraphContext,
          })
        : { data: null, errors: document };
    try {
      // Written before the gateway sees the data: no answer leaves unrecorded.
      await this.runtime.flushAudit(subgraphContext);
    } catch (error) {
      // Nothing is served unrecorded either way; a database that is down says so (retry later).
      if (isDatabaseUnavailable(error)) {
        const unavailable = new DatabaseUnavailableError();
        return {
          data: null,
          errors: [{ message: unavailable.message, extensions: { code: unavailable.code } }],
        };
      }
      this.onUnexpected(error);
      return { data: null, errors: [AUDIT_UNAVAILABLE] };
    }
    return {
      data: result.data as Record<string, unknown> | null | undefined,
      ...(result.errors
        ? {
            errors: result.errors.map((raw) => {
              const error = asUserInputError(raw);
              return formatError(error.toJSON(), error, this.onUnexpected);
            }),
          }
        : {}),
    };
  }
}

/** A syntax tree takes roughly this many bytes per character of the query it was parsed from. */
const AST_BYTES_PER_CHARACTER = 20;

/**
 * Reaches a separately deployed subgraph. The caller's credentials stay at the gateway; the
 * subgraph learns who is asking from a short-lived assertion signed with SESSION_SECRET.
 */
/**
 * The supergraph passes custom scalars (LocalDate…) through unparsed, so a malformed value is first
 * refused when the subgraph coerces the variables. Apollo Server would mark that BAD_USER_INPUT;
 * plain `graphql()` does not, so mark it here — it is the caller's mistake, not an internal error.
 */
function asUserInputError(error: GraphQLError): GraphQLError {
  const coercion = error.path === undefined && error.extensions?.code === undefined;
  const fromCode = error.originalError !== undefined && !(error.originalError instanceof GraphQLError);
  if (!coercion || fromCode) return error;
  return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** What a coordinator calls each part of the graph, for the message when one cannot be reached. */
const SUBGRAPH_LABELS: Record<string, string> = {
  social: 'социальной защиты',
  health: 'здравоохранения',
  education: 'образования',
  employment: 'занятости',
  coordination: 'дорожных карт и Совета',
  access: 'учётных записей',
};

class ForwardingDataSource extends RemoteGraphQLDataSource<Record<string, unknown>> {
  constructor(
    options: { url: string; timeoutMs: number },
    private readonly secret: string,
    private readonly name: string,
  ) {
    // A subgraph whose host is gone (a stopped container's address, a dead server) does not refuse
    // the connection: without a deadline every request that needs it would wait minutes for TCP.
    super({
      url: options.url,
      fetcher: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) }),
    });
  }

  /**
   * A subgraph that cannot be reached costs only its own fields: the gateway answers the rest and
   * names the missing part with a stable code, instead of a network error with addresses in it.
   */
  override async process(options: GraphQLDataSourceProcessOptions<Record<string, unknown>>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions?.code !== undefined) throw error;
      const label = SUBGRAPH_LABELS[this.name] ?? this.name;
      throw new AppError(
        'SUBGRAPH_UNAVAILABLE',
        `Сведения ${label} сейчас недоступны; остальные данные показаны. Повторите запрос позже.`,
        { service: this.name },
      );
    }
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<Record<string, unknown>>) {
    const base = context as unknown as Partial<BaseContext>;
    const headers = request.http?.headers;
    if (!headers) return;
    if (base.requestId) headers.set('x-request-id', base.requestId);
    if (base.operationName) headers.set(OPERATION_HEADER, base.operationName);
    if (base.actor)
      headers.set(ACTOR_HEADER, await signActorAssertion(base.actor, this.secret, base.requestId ?? ''));
  }
}

export interface GatewayOptions {
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
): { supergraphSdl: string; apiSchema: GraphQLSchema } {
  if (!cacheDir) {
    const composed = composeGraph(sources);
    return { supergraphSdl: composed.supergraphSdl, apiSchema: apiSchemaOf(composed) };
  }
  const key = createHash('sha256')
    .update(JSON.stringify(sources.map((s) => [s.name, s.sdl, s.url ?? null])))
    .digest('hex')
    .slice(0, 32);
  const supergraphFile = path.join(cacheDir, `supergraph-${key}.graphql`);
  const apiFile = path.join(cacheDir, `api-${key}.graphql`);
  try {
    const supergraphSdl = readFileSync(supergraphFile, 'utf8');
    return { supergraphSdl, apiSchema: withOwnScalars(buildSchema(readFileSync(apiFile, 'utf8'))) };
  } catch {
    const composed = composeGraph(sources);
    const apiSchema = apiSchemaOf(composed);
    try {
      mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      // The API schema first and each file renamed into place whole: a reader that finds the
      // supergraph finds its API schema too, whatever another process writes at the same time.
      for (const [file, text] of [
        [apiFile, printApiSchema(apiSchema)],
        [supergraphFile, composed.supergraphSdl],
      ] as const) {
        const partial = `${file}.${process.pid}.${key}.tmp`;
        writeFileSync(partial, text, { mode: 0o600 });
        renameSync(partial, file);
      }
    } catch {
      // A read-only DATA_DIR only costs the next start its composition.
    }
    return { supergraphSdl: composed.supergraphSdl, apiSchema };
  }
}

export function createGateway(
  sources: SubgraphSource[],
  options: GatewayOptions,
): { gateway: GatewayInterface; supergraphSdl: string; apiSchema: GraphQLSchema } {
  const { onUnexpected, secret } = options;
  const { supergraphSdl, apiSchema } = composeCached(sources, options.cacheDir);
  const byName = new Map(sources.map((s) => [s.name, s]));
  const gateway = new ApolloGateway({
    supergraphSdl,
    experimental_approximateQueryPlanStoreMiB: options.queryPlanCacheMiB,
    buildService: ({ name, url }) => {
      const source = byName.get(name);
      if (source?.runtime && !source.url) {
        return new InProcessDataSource(source.runtime, onUnexpected, options.documentCacheMiB);
      }
      return new ForwardingDataSource(
        { url: source?.url ?? url ?? '', timeoutMs: options.subgraphTimeoutMs },
        secret,
        name,
      );
    },
  });
  return { gateway: gateway as unknown as GatewayInterface, supergraphSdl, apiSchema };
}
