import { AccountService, hashPassword } from '@sl/access';
import {
  type Clock,
  createTestDatabase,
  type Logger,
  Role,
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

/** A test account: a role, and for provider staff the provider they work for. */
export interface TestActor {
  role: Role;
  providerId?: string;
  agencyId?: string;
}

export interface GqlOptions {
  /** Who sends the request (a test account signed in for real); a coordinator when not given. */
  as?: Role | TestActor | 'anonymous';
  /** A raw Authorization header instead (API clients, forged tokens). */
  authorization?: string;
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
  /** The bearer token of a signed-in test account (signs in on first use). */
  tokenFor(actor: Role | TestActor): Promise<string>;
  http(): ReturnType<typeof request>;
  /** SQL statements per subgraph since the last `resetQueries()`. */
  queries: Map<SubgraphName, string[]>;
  resetQueries(): void;
  stop(): Promise<void>;
}

export const TEST_PASSWORD = 'test-password-123';

/**
 * Test accounts are made with the test password's hash, made once per file: the password policy
 * (its dictionaries take a second to load) is proven by its own tests and by the account screens'
 * tests, not again by every file's first request.
 */
let testPasswordHash: Promise<string> | undefined;
async function presetPassword(): Promise<{ passwordHash: string }> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return { passwordHash: await testPasswordHash };
}
const STAND_IN_PROVIDER = '00000000-0000-4000-8000-00000000beef';

/**
 * A bearer header for a system started without this harness: creates an account with the role in
 * its access schema and signs in through the graph.
 */
export async function authorizationFor(system: RunningSystem, role: Role): Promise<string> {
  const login = `t-${role.toLowerCase().replaceAll('_', '-')}-${Date.now().toString(36)}`;
  await new AccountService(system.accessOrm.em.fork(), { now: () => new Date() }).create(
    { login, displayName: `Тест ${role}`, password: TEST_PASSWORD, roles: [role] },
    await presetPassword(),
  );
  const res = await request(`http://127.0.0.1:${system.server.port}`)
    .post('/graphql')
    .send({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
      variables: { input: { login, password: TEST_PASSWORD } },
    });
  const token = res.body?.data?.signIn?.token;
  if (typeof token !== 'string') throw new Error(`test sign-in failed: ${JSON.stringify(res.body)}`);
  return `Bearer ${token}`;
}

/** The whole graph on a fresh database of the run's PostgreSQL, served on a free port. */
export async function startTestSystem(
  options: { env?: Record<string, string | undefined>; clock?: Clock; logger?: Logger } = {},
): Promise<TestSystem> {
  const database = await createTestDatabase();
  const queries = new Map<SubgraphName, string[]>();
  const config = testConfig({ DATABASE_URL: database.url, ...options.env });
  const system = await startSystem({
    config,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    onQuery: (subgraph, sql) => {
      const list = queries.get(subgraph) ?? [];
      list.push(sql);
      queries.set(subgraph, list);
    },
  });
  const base = `http://127.0.0.1:${system.server.port}`;
  const tokens = new Map<string, string>();
  const created = new Set<string>();
  const clock = options.clock ?? { now: () => new Date() };

  const loginOf = (actor: TestActor) =>
    `t-${actor.role.toLowerCase().replaceAll('_', '-')}${actor.providerId ? `-${actor.providerId.slice(0, 8)}` : ''}${actor.agencyId ? `-${actor.agencyId.slice(0, 8)}` : ''}`;

  /** Creates the account directly (there is no administrator yet) and signs in through the graph. */
  async function signIn(actor: TestActor): Promise<string> {
    const login = loginOf(actor);
    if (!created.has(login)) {
      const em = system.accessOrm.em.fork();
      await new AccountService(em, clock).create(
        {
          login,
          displayName: `Тест ${actor.role}`,
          password: TEST_PASSWORD,
          roles: [actor.role],
          ...(actor.agencyId ? { agencyId: actor.agencyId } : {}),
          ...(actor.providerId ? { providerId: actor.providerId } : {}),
        },
        await presetPassword(),
      );
      created.add(login);
    }
    const res = await request(base)
      .post('/graphql')
      .send({
        query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
        variables: { input: { login, password: TEST_PASSWORD } },
      });
    const token = res.body?.data?.signIn?.token;
    if (typeof token !== 'string') throw new Error(`test sign-in failed: ${JSON.stringify(res.body)}`);
    tokens.set(login, token);
    return token;
  }

  // Provider staff always work for a provider; a test that does not name one gets a stand-in.
  const toActor = (as: Role | TestActor): TestActor => {
    const actor = typeof as === 'string' ? { role: as } : as;
    return actor.role === Role.PROVIDER_STAFF && !actor.providerId
      ? { ...actor, providerId: STAND_IN_PROVIDER }
      : actor;
  };

  async function tokenFor(as: Role | TestActor): Promise<string> {
    const actor = toActor(as);
    return tokens.get(loginOf(actor)) ?? signIn(actor);
  }

  async function send(query: string, variables: Record<string, unknown> | undefined, authorization?: string) {
    const req = request(base).post('/graphql').set('content-type', 'application/json');
    if (authorization) req.set('authorization', authorization);
    return req.send({ query, variables });
  }

  return {
    system,
    database,
    queries,
    resetQueries: () => queries.clear(),
    http: () => request(base),
    tokenFor,
    async gql(query, variables, gqlOptions = {}) {
      if (gqlOptions.authorization !== undefined)
        return (await send(query, variables, gqlOptions.authorization)).body;
      const as = gqlOptions.as ?? Role.COORDINATOR;
      if (as === 'anonymous') return (await send(query, variables)).body;
      const res = await send(query, variables, `Bearer ${await tokenFor(as)}`);
      // A test that moves its clock past the session's end signs in again, as a user would.
      if (res.status === 401) {
        return (await send(query, variables, `Bearer ${await signIn(toActor(as))}`)).body;
      }
      return res.body;
    },
    async stop() {
      await system.stop();
      await database.drop();
    },
  };
}
