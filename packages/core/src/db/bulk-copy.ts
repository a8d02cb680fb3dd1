import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type EntityDictionary,
  type EntityManager,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  type NativeInsertUpdateManyOptions,
  PostgreSqlDriver,
  type QueryResult,
  ReferenceKind,
} from '@mikro-orm/postgresql';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText } from './copy-text.js';

/** Rows written and time spent per table by one bulk writer. */
export interface CopyTableStats {
  rows: number;
  ms: number;
}

/** Where a bulk flush streams its rows: a connection of its own, and what it wrote so far. */
export interface CopySink {
  client: pg.ClientBase;
  stats: Map<string, CopyTableStats>;
}

/**
 * PostgreSQL's driver that, for an EntityManager in bulk mode, writes the inserts of a flush with
 * `COPY … FROM STDIN` instead of INSERT. MikroORM still does everything else: the change sets,
 * the commit order (parents before children), and the payloads with DB-ready values (custom types
 * converted, relations reduced to keys, embeddables flattened) — the same data its INSERT would
 * carry, only sent as COPY rows. Outside bulk mode it is the plain driver.
 */
export class BulkPostgreSqlDriver extends PostgreSqlDriver {
  readonly #sinks = new Map<number, CopySink>();

  /** Puts the EntityManager in bulk mode until `release` is called. */
  attach(em: EntityManager, sink: CopySink): () => void {
    this.#sinks.set(em.id, sink);
    return () => this.#sinks.delete(em.id);
  }

  override async nativeInsertMany<T extends object>(
    entityName: EntityName<T>,
    data: EntityDictionary<T>[],
    options: NativeInsertUpdateManyOptions<T> = {},
    transform?: (sql: string) => string,
  ): Promise<QueryResult<T>> {
    const emId = (options as { loggerContext?: { id?: number } }).loggerContext?.id;
    const sink = emId === undefined ? undefined : this.#sinks.get(emId);
    if (!sink) return super.nativeInsertMany(entityName, data, options, transform);
    const meta = this.metadata.get(entityName);
    await this.copyRows(meta, data as Record<string, unknown>[], sink, options.schema);
    // Keys are generated in the application; the columns left out (created_at) take their defaults.
    return { affectedRows: data.length, rows: data.map(() => ({})) } as unknown as QueryResult<T>;
  }

  /**
   * Writes rows (MikroORM's insert payloads: property names, DB-ready values) into the entity's
   * table with COPY on the sink's connection, streamed in writes of about a megabyte.
   */
  async copyRows(
    meta: EntityMetadata,
    data: readonly Record<string, unknown>[],
    sink: CopySink,
    schema?: string,
  ): Promise<void> {
    if (data.length === 0) return;
    const table = this.getTableName(meta, { schema });
    const started = performance.now();
    // A row without a value for a column takes the column's default; COPY cannot say DEFAULT per
    // row, so rows are grouped by the columns they carry (one group in practice).
    const groups = new Map<string, { props: EntityProperty[]; lines: string[] }>();
    const properties = meta.properties as Record<string, EntityProperty>;
    for (const row of data) {
      const present: EntityProperty[] = [];
      const values: string[] = [];
      let key = '';
      for (const name in row) {
        const prop = properties[name];
        if (!prop) throw new Error(`COPY into ${table}: no property ${name}`);
        const raw = row[name];
        const value = raw === undefined ? prop.default : raw;
        if (value === undefined) continue;
        present.push(prop);
        key += `${name},`;
        for (const field of this.#copyFields(prop, value)) values.push(field);
      }
      let group = groups.get(key);
      if (!group) {
        group = { props: present, lines: [] };
        groups.set(key, group);
      }
      group.lines.push(`${values.join('\t')}\n`);
    }
    for (const { props, lines } of groups.values()) {
      const columns = props.flatMap((p) => p.fieldNames).map((f) => this.platform.quoteIdentifier(f));
      await copyIn(sink.client, table, columns, batches(lines));
    }
    countCopy(sink, `${schema ?? meta.schema}.${meta.tableName}`, data.length, started);
  }

  /** The COPY text of one property's columns, as INSERT would have bound them. */
  #copyFields(prop: EntityProperty, value: unknown): string[] {
    if (prop.fieldNames.length > 1) {
      const parts = value == null ? prop.fieldNames.map(() => null) : (value as unknown[]);
      return prop.fieldNames.map((_, i) => copyText(parts[i]));
    }
    if (value === null) return ['\\N'];
    if (prop.kind === ReferenceKind.EMBEDDED && prop.object) {
      const mapped = this.mapDataToFieldNames(
        value as Record<string, unknown>,
        false,
        prop.embeddedProps as never,
        false,
      );
      return [copyText(JSON.stringify(mapped))];
    }
    if (prop.customType && 'convertToDatabaseValueSQL' in prop.customType) {
      throw new Error(`COPY cannot apply the SQL conversion of ${prop.name}`);
    }
    const json = prop.columnTypes?.[0]?.startsWith('json') ?? false;
    return [copyText(json && typeof value !== 'string' ? JSON.stringify(value) : value)];
  }
}

/** Streams COPY text (whole lines, in writes of about a megabyte) into `table`'s `columns`. */
export async function copyIn(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  text: Iterable<string | Buffer>,
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(text), stream);
}

/** Adds rows written since `started` to the sink's figures for `table` (schema.table). */
export function countCopy(sink: CopySink, table: string, rows: number, started: number): void {
  const stats = sink.stats.get(table) ?? { rows: 0, ms: 0 };
  stats.rows += rows;
  stats.ms += performance.now() - started;
  sink.stats.set(table, stats);
}

/** Lines joined into writes of about a megabyte (one write per row is slow). */
function* batches(lines: string[]): Generator<string> {
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1_000_000) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * Flushes what the EntityManager has pending with COPY on `sink`'s connection, then clears the
 * EntityManager so that memory stays flat however many chunks follow.
 */
export async function bulkFlush(em: EntityManager, sink: CopySink): Promise<void> {
  const driver = em.getDriver();
  if (!(driver instanceof BulkPostgreSqlDriver)) throw new Error('bulkFlush needs the BulkPostgreSqlDriver');
  const release = driver.attach(em, sink);
  try {
    await em.flush();
  } finally {
    release();
  }
  em.clear();
}
