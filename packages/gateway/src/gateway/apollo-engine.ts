/**
 * The @apollo/gateway engine (Elastic-2.0): Apollo's JavaScript query planner, subgraphs reached
 * through its data sources.
 */
import {
  ApolloGateway,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  RemoteGraphQLDataSource,
} from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { BaseContext } from '@sl/core';
import { GraphQLError } from 'graphql';
import type { EngineOptions } from './engine.js';
import { InProcessSubgraph } from './in-process.js';
import { forwardedHeaders, subgraphUnavailable } from './remote.js';

class InProcessDataSource implements GraphQLDataSource<Record<string, unknown>> {
  constructor(private readonly subgraph: InProcessSubgraph) {}

  process({ request, context }: GraphQLDataSourceProcessOptions<Record<string, unknown>>) {
    return this.subgraph.run(
      request.query ?? '',
      request.variables,
      request.operationName,
      context as unknown as BaseContext,
    );
  }
}

class ForwardingDataSource extends RemoteGraphQLDataSource<Record<string, unknown>> {
  constructor(
    options: { url: string; timeoutMs: number },
    private readonly secret: string,
    private readonly name: string,
  ) {
    // A subgraph whose host is gone does not refuse the connection: give it a deadline.
    super({
      url: options.url,
      fetcher: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) }),
    });
  }

  override async process(options: GraphQLDataSourceProcessOptions<Record<string, unknown>>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions?.code !== undefined) throw error;
      throw subgraphUnavailable(this.name);
    }
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<Record<string, unknown>>) {
    const headers = request.http?.headers;
    if (!headers) return;
    const forwarded = await forwardedHeaders(context as unknown as Partial<BaseContext>, this.secret);
    for (const [name, value] of Object.entries(forwarded)) headers.set(name, value);
  }
}

export function createApolloEngine(options: EngineOptions): GatewayInterface {
  const byName = new Map(options.sources.map((s) => [s.name, s]));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    experimental_approximateQueryPlanStoreMiB: options.queryPlanCacheMiB,
    buildService: ({ name, url }) => {
      const source = byName.get(name);
      if (source?.runtime && !source.url) {
        return new InProcessDataSource(
          new InProcessSubgraph(source.runtime, options.onUnexpected, options.documentCacheMiB),
        );
      }
      return new ForwardingDataSource(
        { url: source?.url ?? url ?? '', timeoutMs: options.subgraphTimeoutMs },
        options.secret,
        name,
      );
    },
  });
  return gateway as unknown as GatewayInterface;
}
