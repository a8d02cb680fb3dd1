/**
 * The Hive Gateway engine (MIT): the supergraph planned by Hive Router's Rust query planner
 * (`@graphql-hive/router-runtime`) and executed by Hive Gateway's runtime, behind the same Apollo
 * Server edge as the other engine (limits, trusted documents, error formatting stay there). Local
 * subgraphs run in this process through an in-process transport; remote ones are called over
 * HTTP with the signed actor assertion.
 */
import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import type { BaseContext } from '@sl/core';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLFormattedError,
  Kind,
  type OperationDefinitionNode,
  print,
} from 'graphql';
import type { EngineOptions, SubgraphSource } from './engine.js';
import { InProcessSubgraph, type SubgraphResult } from './in-process.js';
import { forwardedHeaders, subgraphUnavailable } from './remote.js';

/**
 * The part of Hive's runtime this engine uses, typed here. Its own declarations pull in graphql-yoga's,
 * which augment graphql's error extensions in a way that contradicts Apollo Server's (`http.headers`
 * a record there, a Map here): loading the packages by a computed name keeps them out of the
 * type-check, and this contract is what the engine relies on.
 */
interface SubgraphRequest {
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
  context?: unknown;
}
type SubgraphExecutor = (request: SubgraphRequest) => Promise<ExecutionResult>;
type UnifiedExecutor = ((
  request: SubgraphRequest,
) => Promise<ExecutionResult | AsyncIterable<ExecutionResult>>) &
  AsyncDisposable;
interface GatewayRuntime {
  getExecutorForUnifiedGraph(options: {
    getUnifiedGraph(): string;
    handleUnifiedGraph: unknown;
    batch: boolean;
    transports(kind: string): {
      getSubgraphExecutor(options: { subgraphName: string }): SubgraphExecutor;
    };
  }): UnifiedExecutor;
}
interface RouterRuntime {
  unifiedGraphHandler: unknown;
}
const GATEWAY_RUNTIME: string = '@graphql-hive/gateway-runtime';
const ROUTER_RUNTIME: string = '@graphql-hive/router-runtime';

/** The engine hands the transports errors as GraphQLErrors; our subgraphs answer formatted ones. */
function asResult(result: SubgraphResult) {
  return {
    data: result.data ?? null,
    ...(result.errors ? { errors: result.errors.map(asGraphQLError) } : {}),
  };
}

function asGraphQLError(error: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.path ? { path: error.path } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
}

function inProcessExecutor(subgraph: InProcessSubgraph): SubgraphExecutor {
  return async (request) =>
    asResult(
      await subgraph.run(
        request.document,
        request.variables,
        request.operationName,
        request.context as BaseContext,
      ),
    );
}

function remoteExecutor(source: SubgraphSource, options: EngineOptions): SubgraphExecutor {
  const url = source.url ?? '';
  const texts = new WeakMap<DocumentNode, string>();
  const textOf = (document: DocumentNode) => {
    let text = texts.get(document);
    if (text === undefined) {
      text = print(document);
      texts.set(document, text);
    }
    return text;
  };
  return async (request) => {
    const headers = await forwardedHeaders(request.context as Partial<BaseContext>, options.secret);
    let body: SubgraphResult | undefined;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({
          query: textOf(request.document),
          variables: request.variables,
          operationName: request.operationName,
        }),
        signal: AbortSignal.timeout(options.subgraphTimeoutMs),
      });
      body = (await response.json()) as SubgraphResult;
    } catch {
      body = undefined;
    }
    // Anything but a GraphQL answer (a dead host, a proxy's error page) costs only this part.
    if (!body || typeof body !== 'object' || (body.data === undefined && !Array.isArray(body.errors))) {
      const unavailable = subgraphUnavailable(source.name);
      // The engine moves errors to their place in the answer by copying message and extensions.
      const extensions = { code: unavailable.code, ...unavailable.details };
      return { data: null, errors: [new GraphQLError(unavailable.message, { extensions })] };
    }
    return asResult(body);
  };
}

/** `{ __schema … }`, `{ __type … }`, `{ __typename }`: answered from the public schema here. */
function isIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
  );
}

export function createHiveEngine(options: EngineOptions): GatewayInterface {
  const executors = new Map<string, SubgraphExecutor>();
  for (const source of options.sources) {
    executors.set(
      source.name,
      source.runtime && !source.url
        ? inProcessExecutor(
            new InProcessSubgraph(source.runtime, options.onUnexpected, options.documentCacheMiB),
          )
        : remoteExecutor(source, options),
    );
  }
  const runtimes = Promise.all([import(GATEWAY_RUNTIME), import(ROUTER_RUNTIME)]);
  let executor: UnifiedExecutor | undefined;
  const start = async (): Promise<UnifiedExecutor> => {
    const [gatewayRuntime, routerRuntime]: [GatewayRuntime, RouterRuntime] = await runtimes;
    return gatewayRuntime.getExecutorForUnifiedGraph({
      getUnifiedGraph: () => options.supergraphSdl,
      handleUnifiedGraph: routerRuntime.unifiedGraphHandler,
      // The planner already fetches each subgraph's entities in one request per plan step.
      batch: false,
      transports: () => ({
        getSubgraphExecutor: ({ subgraphName }) => {
          const found = executors.get(subgraphName);
          if (!found) throw new Error(`No subgraph named ${subgraphName} in the supergraph`);
          return found;
        },
      }),
    });
  };
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      const unified = await start();
      executor = unified;
      for (const listener of listeners)
        listener({ apiSchema: options.apiSchema, coreSupergraphSdl: options.supergraphSdl });
      return {
        executor: async (request: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> => {
          if (isIntrospection(request.operation)) {
            return execute({
              schema: options.apiSchema,
              document: request.document,
              variableValues: request.request.variables ?? {},
              operationName: request.operationName,
              contextValue: request.context,
            }) as Promise<GatewayExecutionResult>;
          }
          const result = await unified({
            document: request.document,
            variables: request.request.variables ?? {},
            operationName: request.operationName ?? undefined,
            context: request.context as BaseContext,
          });
          if (Symbol.asyncIterator in result) throw new Error('Streamed results are not served');
          // Execution began, so the answer has `data` even when every field failed (null then):
          // an answer without it would read as a request error (400).
          return { ...result, data: result.data ?? null } as GatewayExecutionResult;
        },
      };
    },
    async stop() {
      await executor?.[Symbol.asyncDispose]();
    },
  };
}
