import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import {
  type LogContext,
  MikroORM,
  type Options,
  type Logger as OrmLogger,
  type PostgreSqlConnection,
  PostgreSqlDriver,
} from '@mikro-orm/postgresql';
import pg from 'pg';
import { ensureLocalAuditLog, grantLocalAuditLog } from '../audit/local-audit-log.js';
import type { Logger } from '../logging/logger.js';
import { restoreAbandonedConstraints } from './deferred-constraints.js';
import { migrationLock } from './migration-lock.js';
import { ensureSchemaRole, schemaRolePassword, withCredentials } from './schema-role.js';

export type MigrationClass = NonNullable<NonNullable<Options['migrations']>['migrationsList']>[number];

export interface OrmOptions {
  /** The subgraph's own PostgreSQL schema: its tables and its migration history live there. */
  schema: string;
  url: string;
  // biome-ignore lint/complexity/noBannedTypes: MikroORM takes entity classes
  entities: Function[];
  migrations: MigrationClass[];
  poolMax: number;
  logger: Logger;
  /** Called with every SQL statement (tests count statements to prove there is no N+1). */
  onQuery?: (sql: string) => void;
  /** PostgreSQL cancels a statement that runs longer (a runaway query cannot hold the pool). */
  statementTimeoutMs?: number;
  /**
   * Serve with the subgraph's own role (its schema only, the audit log append-only) once the owner
   * of `url` has run the migrations. The owner must be allowed to create roles.
   */
  schemaRole?: boolean;
  /** The audit log is kept in this database, not the access subgraph's (AUDIT_LOG=local). */
  localAuditLog?: boolean;
}

function ormLogger(logger: Logger, onQuery?: (sql: string) => void): OrmLogger {
  return {
    log: (namespace, message) => logger.debug({ namespace }, message),
    error: (namespace, message) => logger.error({ namespace }, message),
    warn: (namespace, message) => logger.warn({ namespace }, message),
    logQuery: (context: LogContext) => {
      if (context.query) onQuery?.(context.query);
    },
    setDebugMode: () => {},
    isEnabled: (namespace) => namespace === 'query' && onQuery !== undefined,
  };
}

export function ormConfig(
  options: Omit<OrmOptions, 'url' | 'poolMax' | 'logger'> & Partial<OrmOptions>,
): Options {
  const log = options.logger?.child({ component: 'orm', schema: options.schema });
  return {
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    schema: options.schema,
    entities: options.entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? 5 },
    ...(options.statementTimeoutMs
      ? { driverOptions: { statement_timeout: options.statementTimeoutMs } }
      : {}),
    debug: options.onQuery ? ['query'] : false,
    ...(log ? { loggerFactory: () => ormLogger(log, options.onQuery) } : {}),
    migrations: {
      migrationsList: options.migrations,
      schema: options.schema,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    // The maintained figures (core figure-days) are plain SQL of the migrations: their tables and
    // functions are not entities, and the schema diff must leave them be.
    // The data generator's list of deferred constraints exists only while a load runs.
    schemaGenerator: {
      skipTables: ['figure_day', 'figure_owner', 'bulk_load_deferred'],
      ignoreRoutines: true,
    },
    // Each request works in its own fork; touching the global manager is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
}

/**
 * Two replicas of a subgraph starting together would both run the same migrations, and one would
 * fail half-way on "already exists": the first to take the schema's lock migrates, the other waits
 * on it and then finds nothing left to apply. The lock is held by a connection of its own (outside
 * the ORM's pool, which may have a single connection), so it ends with that session however the
 * migrations end.
 */
async function migrateExclusively(orm: MikroORM, options: OrmOptions): Promise<void> {
  const lock = new pg.Client({ connectionString: options.url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [migrationLock(options.schema)]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const applied = await orm.migrator.up();
    if (applied.length > 0) {
      options.logger.info(
        { schema: options.schema, migrations: applied.map((m) => m.name) },
        'migrations applied',
      );
    }
  } finally {
    await lock.end();
  }
}

/** Connects a subgraph to its database and brings its schema up to date with its migrations. */
export async function connectOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  try {
    await migrateExclusively(orm, options);
    const pool = await (orm.em.getConnection() as PostgreSqlConnection).getNativeClient();
    const client = await pool.connect();
    try {
      await restoreAbandonedConstraints(client, options.schema, options.logger);
    } finally {
      client.release();
    }
    // Before the role is set up, so that its INSERT on the log is granted with the others.
    if (options.localAuditLog) await ensureLocalAuditLog(orm);
  } catch (error) {
    await orm.close();
    throw error;
  }
  if (!options.schemaRole) return orm;
  let role: string;
  try {
    role = await ensureSchemaRole(orm, options.schema, options.url);
    if (options.localAuditLog) await grantLocalAuditLog(orm, role);
  } catch (error) {
    await orm.close();
    throw new Error(
      `Could not set up the database role of schema ${options.schema}: the user of the database URL must be allowed to create roles (CREATEROLE), or set DB_SCHEMA_ROLES=false`,
      { cause: error },
    );
  }
  await orm.close();
  return MikroORM.init(
    ormConfig({ ...options, url: withCredentials(options.url, role, schemaRolePassword(options.url, role)) }),
  );
}
