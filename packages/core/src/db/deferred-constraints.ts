import type pg from 'pg';
import type { Logger } from '../logging/logger.js';

/**
 * Secondary indexes and foreign keys set aside while the data generator loads a schema's tables.
 * Checked row by row, a foreign key costs as much as the row's own write and each index nearly as
 * much; built once over the loaded table (a sort; one join per key) they cost a fraction of that,
 * and still prove every row: a duplicate fails the unique index, an orphan the key. The primary
 * and unique keys that are constraints stay, and so do checks and triggers.
 *
 * Each definition waits in `<schema>.bulk_load_deferred`, written in the same transaction that
 * drops it and deleted in the one that restores it, so the table always lists exactly what is
 * missing: a load that dies half-way (killed, Ctrl-C) leaves the list, and the next connection
 * of that schema (`connectOrm`, at any start) restores it unless a load holds the schema's lock.
 */
const DEFERRED = 'bulk_load_deferred';

/** The advisory lock a load of `schema` holds from start to end (session-level, `hashtext`). */
export function bulkLoadLock(schema: string): string {
  return `demo:${schema}`;
}

interface Deferred {
  name: string;
  kind: 'index' | 'foreign key';
  /** The statement that restores it, comment included. */
  definition: string;
}

/**
 * Drops the secondary indexes and foreign keys of `tables` (in `schema`), recording them first.
 * Returns how many were set aside.
 */
export async function deferConstraints(
  client: pg.ClientBase,
  schema: string,
  tables: readonly string[],
): Promise<number> {
  const qualified = `"${schema}"."${DEFERRED}"`;
  await client.query('BEGIN');
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${qualified}
        (name text PRIMARY KEY, kind text NOT NULL, table_name text NOT NULL, definition text NOT NULL)`,
    );
    const { rows } = await client.query<Deferred & { table_name: string; drop: string }>(
      `SELECT format('%I.%I', n.nspname, x.relname) AS name, 'index' AS kind,
          format('%I.%I', n.nspname, t.relname) AS table_name,
          pg_get_indexdef(i.indexrelid)
            || coalesce(format('; COMMENT ON INDEX %I.%I IS %L', n.nspname, x.relname, obj_description(x.oid, 'pg_class')), '')
            AS definition,
          format('DROP INDEX %I.%I', n.nspname, x.relname) AS drop
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_class x ON x.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = $1 AND t.relname = ANY($2) AND NOT i.indisprimary AND NOT i.indisreplident
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype <> 'f')
       UNION ALL
       SELECT format('%I.%I.%I', n.nspname, t.relname, c.conname), 'foreign key',
          format('%I.%I', n.nspname, t.relname),
          format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', n.nspname, t.relname, c.conname, pg_get_constraintdef(c.oid))
            || coalesce(format('; COMMENT ON CONSTRAINT %I ON %I.%I IS %L', c.conname, n.nspname, t.relname,
              obj_description(c.oid, 'pg_constraint')), ''),
          format('ALTER TABLE %I.%I DROP CONSTRAINT %I', n.nspname, t.relname, c.conname)
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = $1 AND t.relname = ANY($2) AND c.contype = 'f'`,
      [schema, tables],
    );
    for (const row of rows) {
      await client.query(
        `INSERT INTO ${qualified} (name, kind, table_name, definition) VALUES ($1, $2, $3, $4)`,
        [row.name, row.kind, row.table_name, row.definition],
      );
      await client.query(row.drop);
    }
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Restores what `deferConstraints` set aside in `schema` (only the indexes, or only the foreign
 * keys, if `kind` says so): side by side on `clients` (each its own connection), the largest
 * tables' first. Each one is restored and struck off the list in one transaction; the list goes
 * when it is empty. Returns how many were restored.
 */
export async function restoreConstraints(
  clients: readonly pg.ClientBase[],
  schema: string,
  kind?: Deferred['kind'],
): Promise<number> {
  const qualified = `"${schema}"."${DEFERRED}"`;
  const first = clients[0]!;
  const { rows: present } = await first.query<{ present: boolean }>(
    'SELECT to_regclass($1) IS NOT NULL AS present',
    [qualified],
  );
  if (!present[0]?.present) return 0;
  const { rows } = await first.query<Deferred>(
    `SELECT name, kind, definition FROM ${qualified} WHERE $1::text IS NULL OR kind = $1
      ORDER BY pg_relation_size(to_regclass(table_name)) DESC, name`,
    [kind ?? null],
  );
  const restore = async (client: pg.ClientBase, item: Deferred) => {
    await client.query('BEGIN');
    try {
      // Struck off first: the row stays locked until this commits, so a second restorer waits and
      // then finds nothing to do.
      const { rowCount } = await client.query(`DELETE FROM ${qualified} WHERE name = $1`, [item.name]);
      // A bigger sort than the default 64 MB keeps a country's index builds in memory.
      await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      if (rowCount) await client.query(item.definition);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
  const queue = [...rows];
  await Promise.all(
    clients.map(async (client) => {
      for (let item = queue.shift(); item; item = queue.shift()) await restore(client, item);
    }),
  );
  await first.query('BEGIN');
  try {
    // Dropped only when empty: what is still to restore, or failed, stays listed.
    const { rows: left } = await first.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${qualified}`);
    if (left[0]?.n === 0) await first.query(`DROP TABLE ${qualified}`);
    await first.query('COMMIT');
  } catch (error) {
    await first.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return rows.length;
}

/**
 * Restores what a load of `schema` that did not finish left aside, unless a load runs now (it
 * holds the schema's lock and restores its own at the end).
 */
export async function restoreAbandonedConstraints(
  client: pg.ClientBase,
  schema: string,
  logger?: Logger,
): Promise<void> {
  const { rows: present } = await client.query<{ present: boolean }>(
    'SELECT to_regclass($1) IS NOT NULL AS present',
    [`"${schema}"."${DEFERRED}"`],
  );
  if (!present[0]?.present) return;
  const lock = bulkLoadLock(schema);
  const { rows } = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
    [lock],
  );
  if (!rows[0]?.locked) return;
  try {
    const restored = await restoreConstraints([client], schema);
    if (restored > 0)
      logger?.warn({ schema, restored }, 'indexes and foreign keys of an unfinished data load restored');
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]);
  }
}
