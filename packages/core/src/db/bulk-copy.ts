import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

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
