import type { SubgraphRuntime } from '@sl/core';
import type { GraphQLSchema } from 'graphql';

export interface SubgraphSource {
  name: string;
  sdl: string;
  /** Set for a subgraph deployed separately; otherwise `runtime` serves it in this process. */
  url?: string;
  runtime?: SubgraphRuntime;
}

/** What either engine needs to serve the composed graph. */
export interface EngineOptions {
  sources: SubgraphSource[];
  supergraphSdl: string;
  /** The public schema without the graph's own scalars, as the engine exposes it to Apollo Server. */
  apiSchema: GraphQLSchema;
  onUnexpected: (error: unknown) => void;
  secret: string;
  /** How long a separately deployed subgraph may take to answer (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs: number;
  queryPlanCacheMiB: number;
  documentCacheMiB: number;
}
