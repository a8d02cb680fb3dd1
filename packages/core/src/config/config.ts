import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable the system reads, in one place. Each entry says what it is for, its
 * default (or that it is required), how it is validated and whether it is a secret (secrets are
 * never logged). `.env.example` is checked against this list by a test.
 */
export interface VariableSpec<T extends z.ZodType = z.ZodType> {
  description: string;
  schema: T;
  secret?: boolean;
  /** Shown in `.env.example`; omit for variables that are empty by default. */
  example?: string;
}

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url({ protocol: /^(postgres|postgresql|https?)$/ }).optional())
  .optional();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const SUBGRAPH_NAMES = [
  'access',
  'social',
  'health',
  'education',
  'employment',
  'coordination',
] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const GATEWAY_ENGINES = ['apollo', 'hive'] as const;
export type GatewayEngine = (typeof GATEWAY_ENGINES)[number];

export const variables = {
  NODE_ENV: {
    description: 'production disables introspection, field suggestions and stack traces',
    schema: z.enum(['development', 'production', 'test']).default('development'),
    example: 'development',
  },
  PORT: {
    description: 'HTTP port of the gateway (or of a subgraph started alone)',
    schema: port.default(4000),
    example: '4000',
  },
  HOST: {
    description: 'Interface to listen on',
    schema: z.string().default('0.0.0.0'),
    example: '0.0.0.0',
  },
  DATABASE_URL: {
    description:
      'PostgreSQL for every subgraph; when empty the program starts its own embedded PostgreSQL in DATA_DIR',
    schema: optionalUrl,
    secret: true,
  },
  ACCESS_DATABASE_URL: {
    description:
      'PostgreSQL of the access subgraph: accounts, sessions, API clients, audit log (overrides DATABASE_URL)',
    schema: optionalUrl,
    secret: true,
  },
  SOCIAL_DATABASE_URL: {
    description: 'PostgreSQL of the social subgraph (overrides DATABASE_URL)',
    schema: optionalUrl,
    secret: true,
  },
  HEALTH_DATABASE_URL: {
    description: 'PostgreSQL of the health subgraph (overrides DATABASE_URL)',
    schema: optionalUrl,
    secret: true,
  },
  EDUCATION_DATABASE_URL: {
    description: 'PostgreSQL of the education subgraph (overrides DATABASE_URL)',
    schema: optionalUrl,
    secret: true,
  },
  EMPLOYMENT_DATABASE_URL: {
    description: 'PostgreSQL of the employment subgraph (overrides DATABASE_URL)',
    schema: optionalUrl,
    secret: true,
  },
  COORDINATION_DATABASE_URL: {
    description: 'PostgreSQL of the coordination subgraph (overrides DATABASE_URL)',
    schema: optionalUrl,
    secret: true,
  },
  ACCESS_URL: {
    description: 'GraphQL URL of a separately deployed access subgraph; empty = run it inside the gateway',
    schema: optionalUrl,
  },
  SOCIAL_URL: {
    description: 'GraphQL URL of a separately deployed social subgraph; empty = run it inside the gateway',
    schema: optionalUrl,
  },
  HEALTH_URL: {
    description: 'GraphQL URL of a separately deployed health subgraph; empty = run it inside the gateway',
    schema: optionalUrl,
  },
  EDUCATION_URL: {
    description: 'GraphQL URL of a separately deployed education subgraph; empty = run it inside the gateway',
    schema: optionalUrl,
  },
  EMPLOYMENT_URL: {
    description:
      'GraphQL URL of a separately deployed employment subgraph; empty = run it inside the gateway',
    schema: optionalUrl,
  },
  COORDINATION_URL: {
    description:
      'GraphQL URL of a separately deployed coordination subgraph; empty = run it inside the gateway',
    schema: optionalUrl,
  },
  DATA_DIR: {
    description: 'Folder for the embedded PostgreSQL cluster and uploaded files',
    schema: z.string().min(1).default('./.data'),
    example: './.data',
  },
  EMBEDDED_PG_PORT: {
    description: 'Port of the embedded PostgreSQL (only when DATABASE_URL is empty)',
    schema: port.default(5433),
    example: '5433',
  },
  EMBEDDED_PG_PASSWORD: {
    description:
      'Password of the embedded PostgreSQL superuser (it listens on localhost only); empty = a random one generated with the cluster and kept in DATA_DIR/postgres-password',
    schema: z.string().min(8).optional(),
    secret: true,
  },
  EMBEDDED_PG_SHARED_BUFFERS_MB: {
    description:
      "Memory the embedded PostgreSQL keeps table and index pages in (shared_buffers); 0 = a quarter of this machine's memory, at most 8 GB",
    schema: z.coerce.number().int().min(0).max(262_144).default(0),
    example: '0',
  },
  DATABASE_NAME: {
    description: 'Database created in the embedded PostgreSQL',
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('supported_living'),
    example: 'supported_living',
  },
  DB_SCHEMA_ROLES: {
    description:
      "Serve each subgraph with its own database role (its schema only; the audit log append-only). The database URL's user runs the migrations and must be allowed to create roles",
    schema: bool.default(true),
    example: 'true',
  },
  AUDIT_LOG: {
    description:
      "Where a separately deployed subgraph records what it served: access = the access subgraph's log in the same database; local = a log in the subgraph's own database (its own PostgreSQL server), sent on to the access subgraph (ACCESS_URL) for the auditor",
    schema: z.enum(['access', 'local']).default('access'),
    example: 'access',
  },
  DB_POOL_MAX: {
    description: 'Connections per subgraph pool',
    schema: z.coerce.number().int().min(1).max(100).default(5),
    example: '5',
  },
  GATEWAY_ENGINE: {
    description:
      "Which library plans and executes queries across the subgraphs: apollo (@apollo/gateway, Elastic-2.0) or hive (Hive Gateway with Hive Router's Rust query planner, MIT)",
    schema: z.enum(GATEWAY_ENGINES).default('apollo'),
    example: 'apollo',
  },
  STATEMENT_COUNT_FILE: {
    description:
      'Where the gateway writes how many SQL statements each in-process subgraph has sent, when it receives SIGUSR2 (the bench reads statements per request from it); empty = not counted',
    schema: z.string().trim().min(1).optional(),
  },
  QUERY_PLAN_CACHE_MB: {
    description:
      "Memory for the gateway's query plans (each distinct operation is planned once, then served from here)",
    schema: z.coerce.number().int().min(1).max(1024).default(30),
    example: '30',
  },
  DOCUMENT_CACHE_MB: {
    description:
      'Memory for parsed and validated GraphQL documents, at the edge and in each in-process subgraph',
    schema: z.coerce.number().int().min(1).max(1024).default(30),
    example: '30',
  },
  INDICATORS_STALE_SECONDS: {
    description:
      'After a change, indicators may be answered from the previous count for this long while they are recounted in the background (0: always count the data as it is)',
    schema: z.coerce.number().int().min(0).max(3600).default(15),
    example: '15',
  },
  INDICATORS_MAX_AGE_SECONDS: {
    description: 'Indicators are recounted at least this often, changed data or not (0: never kept)',
    schema: z.coerce.number().int().min(0).max(86_400).default(300),
    example: '300',
  },
  LOG_LEVEL: {
    description: 'pino level: fatal, error, warn, info, debug, trace, silent',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    example: 'info',
  },
  REGION: {
    description: 'Region whose rule set applies (kaluga, murmansk)',
    schema: z.enum(['kaluga', 'murmansk']).default('kaluga'),
    example: 'kaluga',
  },
  DEMO_DATA: {
    description: 'Load synthetic demo people into empty databases at start-up',
    schema: bool.default(true),
    example: 'true',
  },
  DEMO_PEOPLE: {
    description: 'How many synthetic people the demo data holds',
    schema: z.coerce.number().int().min(0).max(100_000).default(300),
    example: '300',
  },
  SESSION_SECRET: {
    description:
      'Key (32+ characters) that signs the actor assertions the gateway sends to subgraphs; the same value in the gateway and every separately deployed subgraph; required in production',
    schema: z.string().min(32).optional(),
    secret: true,
  },
  SESSION_IDLE_MINUTES: {
    description: 'A session ends after this many minutes without a request',
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    example: '30',
  },
  SESSION_MAX_HOURS: {
    description: 'A session ends this many hours after sign-in, whatever its activity',
    schema: z.coerce.number().int().min(1).max(72).default(12),
    example: '12',
  },
  PASSWORD_HASH_COST: {
    description:
      "scrypt's cost as a power of two (N = 2^cost, r=8, p=1) for new password hashes; OWASP asks 17 (128 MiB, a few hundred ms), and production refuses less. A hash keeps its own cost, so raising it later leaves existing hashes valid",
    schema: z.coerce.number().int().min(10).max(20).default(17),
    example: '17',
  },
  LOGIN_MAX_FAILURES: {
    description: 'Failed sign-ins in a row after which the account is locked',
    schema: z.coerce.number().int().min(1).max(100).default(5),
    example: '5',
  },
  LOGIN_LOCKOUT_MINUTES: {
    description: 'How long a locked account stays locked',
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    example: '15',
  },
  BREAK_GLASS_MINUTES: {
    description: "How long a break-the-glass access to a record outside the user's scope lasts",
    schema: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    example: '60',
  },
  ADMIN_LOGIN: {
    description: 'Login of the first administrator, created at start-up when no administrator exists',
    schema: z.string().trim().min(3).max(64).optional(),
  },
  ADMIN_PASSWORD: {
    description: 'Password of that first administrator (12+ characters); change it after the first sign-in',
    schema: z.string().min(12).max(200).optional(),
    secret: true,
  },
  RATE_LIMIT_PER_MINUTE: {
    description: 'Requests per minute one client (token, or address when anonymous) may send to /graphql',
    schema: z.coerce.number().int().min(1).default(600),
    example: '600',
  },
  IDEMPOTENCY_KEEP_HOURS: {
    description: 'How long the answer to a mutation sent with an Idempotency-Key is replayed to retries',
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    example: '24',
  },
  QUERY_MAX_DEPTH: {
    description: 'Deepest selection nesting a query may have',
    schema: z.coerce.number().int().min(2).max(50).default(12),
    example: '12',
  },
  QUERY_MAX_COST: {
    description: 'Highest estimated cost of one query (graphql-armor cost limit)',
    schema: z.coerce.number().int().min(100).default(20_000),
    example: '20000',
  },
  QUERY_MAX_ALIASES: {
    description: 'Most aliases one query may use',
    schema: z.coerce.number().int().min(1).default(30),
    example: '30',
  },
  QUERY_MAX_TOKENS: {
    description: 'Most lexical tokens one query document may have',
    schema: z.coerce.number().int().min(100).default(5_000),
    example: '5000',
  },
  STATEMENT_TIMEOUT_MS: {
    description: 'Longest one SQL statement may run before PostgreSQL cancels it',
    schema: z.coerce.number().int().min(100).default(15_000),
    example: '15000',
  },
  SUBGRAPH_TIMEOUT_MS: {
    description:
      'Longest the gateway waits for a separately deployed subgraph before answering without its fields (SUBGRAPH_UNAVAILABLE)',
    schema: z.coerce.number().int().min(100).default(10_000),
    example: '10000',
  },
  CORS_ORIGINS: {
    description:
      "Origins of partners' web applications allowed to call the graph from a browser, comma-separated (https://app.example.ru); empty = cross-origin requests refused",
    schema: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((origin) => new URL(origin).origin))),
  },
  MAX_BODY_BYTES: {
    description:
      'Largest accepted HTTP request body; a case document travels base64 inside one (4/3 of its size), so keep it above CASE_DOCUMENT_MAX_BYTES × 4/3',
    schema: z.coerce.number().int().min(1024).default(6_000_000),
    example: '6000000',
  },
  CASE_DOCUMENT_MAX_BYTES: {
    description:
      "Largest file of a person's case (a scanned application, passport, ИППСУ, court decision: a few pages)",
    schema: z.coerce.number().int().min(1024).default(4_000_000),
    example: '4000000',
  },
} satisfies Record<string, VariableSpec>;

type Variables = typeof variables;
export type Config = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; fails at boot with every problem listed at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(variables) as [string, VariableSpec][]) {
    const raw = env[name];
    const parsed = spec.schema.safeParse(raw === '' && !name.endsWith('_URL') ? undefined : raw);
    if (parsed.success) out[name] = parsed.data;
    else
      problems.push(
        `${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}${spec.secret ? '' : ` (got ${JSON.stringify(raw)})`}`,
      );
  }
  const config = out as Config;
  if (config.NODE_ENV === 'production' && !config.SESSION_SECRET) {
    problems.push('SESSION_SECRET: required in production');
  }
  if (config.NODE_ENV === 'production' && config.DEMO_DATA) {
    // Demo data brings demo accounts with a published password.
    problems.push('DEMO_DATA: must be false in production');
  }
  if (config.NODE_ENV === 'production' && config.PASSWORD_HASH_COST < 17) {
    problems.push('PASSWORD_HASH_COST: at least 17 in production (OWASP scrypt minimum)');
  }
  if ((config.ADMIN_LOGIN === undefined) !== (config.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_LOGIN and ADMIN_PASSWORD: give both or neither');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export function subgraphDatabaseUrl(config: Config, name: SubgraphName): string | undefined {
  const key = `${name.toUpperCase()}_DATABASE_URL` as keyof Config;
  return (config[key] as string | undefined) ?? config.DATABASE_URL;
}

/** One random key per test process: the gateway and the subgraphs a test starts share it. */
let testSessionSecret: string | undefined;

/**
 * The key that signs actor assertions, case-assignment seals and list cursors. There is no constant
 * fallback: SESSION_SECRET, or in tests a random key per process, or — for the development gateway
 * that runs every subgraph itself (`./dev.sh start` with no configuration) — a random key kept in
 * DATA_DIR. A key `shared` with another process (a subgraph served alone, a gateway with remote
 * subgraphs) must be configured outside tests: the program refuses to start without it.
 */
export function sessionSecret(
  config: Pick<Config, 'SESSION_SECRET' | 'NODE_ENV' | 'DATA_DIR'>,
  use: 'local' | 'shared' = 'local',
): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.NODE_ENV === 'test') {
    testSessionSecret ??= randomBytes(32).toString('hex');
    return testSessionSecret;
  }
  if (config.NODE_ENV === 'development' && use === 'local') {
    return localSecret(config.DATA_DIR, 'session-secret');
  }
  throw new ConfigError([
    use === 'shared'
      ? 'SESSION_SECRET: required when the gateway and subgraphs run as separate services (the same value in each; e.g. openssl rand -hex 32)'
      : 'SESSION_SECRET: required in production',
  ]);
}

/**
 * A random secret generated once per data folder and kept there (mode 600), for what a developer's
 * machine needs a key for without configuration; never a value published in the source.
 */
export function localSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process of this data folder wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  return secret;
}

export function subgraphServiceUrl(config: Config, name: SubgraphName): string | undefined {
  return config[`${name.toUpperCase()}_URL` as keyof Config] as string | undefined;
}

/** The configuration with secrets masked, for logs. */
export function describeConfig(config: Config): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k,
      (variables as Record<string, VariableSpec>)[k]?.secret && v !== undefined ? '***' : v,
    ]),
  );
}

/** Renders `.env.example` from the variable list. */
export function renderEnvExample(): string {
  const lines = [
    '# Generated from packages/core/src/config/config.ts by `pnpm env:example`; a test keeps it in sync.',
    '# Every variable is optional unless marked required; empty means the default.',
    '',
  ];
  for (const [name, spec] of Object.entries(variables) as [string, VariableSpec][]) {
    lines.push(`# ${spec.description}${spec.secret ? ' (secret)' : ''}`);
    lines.push(`${name}=${spec.example ?? ''}`);
    lines.push('');
  }
  return lines.join('\n');
}
