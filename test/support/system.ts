import {
  type Clock,
  createTestDatabase,
  type Role,
  type SubgraphName,
  type TestDatabase,
  testConfig,
} from '@sl/core';
import { type RunningSystem, startSystem } from '@sl/gateway';
import request from 'supertest';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [k: string]: unknown };
  }[];
}

export interface GqlOptions {
  /** The role the request is sent as (a seeded test account); a coordinator when not given. */
  as?: Role | 'anonymous';
}

export interface TestSystem {
  system: RunningSystem;
  database: TestDatabase;
  /** Sends one GraphQL request through the gateway over real HTTP. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GraphQLResponse<T>>;
  http(): ReturnType<typeof request>;
  /** SQL statements per subgraph since the last `resetQueries()`. */
  queries: Map<SubgraphName, string[]>;
  resetQueries(): void;
  stop(): Promise<void>;
}

/** The whole graph on a fresh database of the run's PostgreSQL, served on a free port. */
export async function startTestSystem(
  options: { env?: Record<string, string | undefined>; clock?: Clock } = {},
): Promise<TestSystem> {
  const database = await createTestDatabase();
  const queries = new Map<SubgraphName, string[]>();
  const config = testConfig({ DATABASE_URL: database.url, ...options.env });
  const system = await startSystem({
    config,
    ...(options.clock ? { clock: options.clock } : {}),
    onQuery: (subgraph, sql) => {
      const list = queries.get(subgraph) ?? [];
      list.push(sql);
      queries.set(subgraph, list);
    },
  });
  const base = `http://127.0.0.1:${system.server.port}`;
  return {
    system,
    database,
    queries,
    resetQueries: () => queries.clear(),
    http: () => request(base),
    async gql(query, variables) {
      const res = await request(base)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query, variables });
      return res.body;
    },
    async stop() {
      await system.stop();
      await database.drop();
    },
  };
}
