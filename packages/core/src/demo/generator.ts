import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager, MikroORM, PostgreSqlConnection } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { CopySink, CopyTableStats } from '../db/bulk-copy.js';
import { bulkLoadLock, deferConstraints, restoreConstraints } from '../db/deferred-constraints.js';
import { type RowFactory, RowSink } from '../db/row-sink.js';
import type { Logger } from '../logging/logger.js';
import { type DemoPerson, type DemoScale, demoPeopleChunks } from './people.js';

export type DemoProfileName = 'demo' | 'region' | 'country';
export const DEMO_PROFILES: readonly DemoProfileName[] = ['demo', 'region', 'country'];

/** How many people, in chunks of how many, and how their stories are told. */
export interface DemoProfile {
  name: DemoProfileName;
  people: number;
  chunkSize: number;
  scale: DemoScale;
}

/** The weeks of visit history the large profiles write (the demo keeps its six). */
const LARGE_VISIT_WEEKS = 9;

/**
 * `demo`: the demo people (DEMO_PEOPLE, 300 by default) as they always were; `region`: 50 000
 * people; `country`: 1 000 000. `people` overrides the count (tests build a few thousand).
 */
export function demoProfile(name: DemoProfileName, demoPeopleCount = 300, people?: number): DemoProfile {
  if (name === 'demo') {
    const count = people ?? demoPeopleCount;
    return { name, people: count, chunkSize: 5_000, scale: { large: false, visitWeeks: 6 } };
  }
  const count = people ?? (name === 'region' ? 50_000 : 1_000_000);
  return { name, people: count, chunkSize: 2_000, scale: { large: true, visitWeeks: LARGE_VISIT_WEEKS } };
}

export interface DemoContext {
  region: string;
  profile: DemoProfile;
}

/**
 * One subgraph's part of the generated data. Reference data (registries, employers, the roadmap)
 * is written once with an ordinary flush; the people's part only creates rows, chunk after chunk,
 * and the generator writes them with COPY. State (ids of the reference rows, places taken)
 * carries from one chunk to the next.
 */
export interface DemoSeeder<State = unknown> {
  /** True when the schema already holds people's data: the generator then leaves it alone. */
  hasData(em: EntityManager): Promise<boolean>;
  /** Writes the reference data; `first` is the first chunk of people. */
  reference(em: EntityManager, first: readonly DemoPerson[], context: DemoContext): Promise<State>;
  /**
   * Creates the rows of one chunk of people with `rows` (a `RowSink`: `create` and `getReference`
   * only, no queries); the generator writes them with COPY.
   */
  people(rows: RowFactory, chunk: readonly DemoPerson[], state: State, context: DemoContext): void;
}

export interface DemoTarget {
  /** The subgraph's name, which is also its schema. */
  name: string;
  orm: MikroORM;
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph's seeder has a state of its own
  seeder: DemoSeeder<any>;
}

export interface DemoGeneration {
  people: number;
  ms: number;
  /** Rows and COPY time per `schema.table`. */
  tables: Map<string, CopyTableStats>;
  /** What followed the last chunk, per subgraph: restoring what was deferred, the figures, ANALYZE. */
  finishing: Map<string, FinishingTimes>;
  /** Subgraphs left alone because they already had people's data. */
  skipped: string[];
}

/**
 * Milliseconds of each step after the last chunk (0 when it had nothing to do). The indexes come
 * first; the figures run beside the foreign keys and ANALYZE.
 */
export interface FinishingTimes {
  indexes: number;
  keys: number;
  figures: number;
  analyze: number;
}

export interface GenerateOptions {
  region: string;
  profile: DemoProfile;
  logger?: Logger;
  /** Runs ANALYZE on the tables written (the large profiles; the planner needs the statistics). */
  analyze?: boolean;
  /** Connections per subgraph the people's rows are written on, side by side (default 1). */
  writers?: number;
  /**
   * Sets the secondary indexes and foreign keys of the people's tables aside while they load and
   * restores them at the end (`deferConstraints`): the large profiles.
   */
  deferConstraints?: boolean;
  /** Called after each chunk with the people written so far. */
  onChunk?(written: number, tables: ReadonlyMap<string, CopyTableStats>): void;
}

interface Running {
  target: DemoTarget;
  em: EntityManager;
  client: pg.PoolClient;
  /** The connections the people's rows are written on (the large profiles: several, side by side). */
  writers: CopySink[];
  extra: pg.PoolClient[];
  rows: RowSink;
  state: unknown;
  /** The COPY of the previous chunk, still running while the next chunk is built. */
  writing: Promise<void>;
  /** Indexes and foreign keys are set aside until the end. */
  deferred: boolean;
  /** The tables they were set aside on. */
  aside: Set<string>;
}

/**
 * Writes the profile's people into every target subgraph: the people are generated once per chunk
 * and every subgraph writes its part of that chunk, so the parts meet on the person's id. Each
 * subgraph's writing holds an advisory lock (two processes starting together do not both seed).
 */
export async function generateDemoData(
  targets: readonly DemoTarget[],
  options: GenerateOptions,
): Promise<DemoGeneration> {
  const started = performance.now();
  const context: DemoContext = { region: options.region, profile: options.profile };
  const tables = new Map<string, CopyTableStats>();
  const finishing = new Map<string, FinishingTimes>();
  const running: Running[] = [];
  const skipped: string[] = [];
  let written = 0;
  try {
    for (const target of targets) {
      const pool = await (target.orm.em.getConnection() as PostgreSqlConnection).getNativeClient();
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [bulkLoadLock(target.name)]);
      } catch (error) {
        client.release();
        throw error;
      }
      const em = target.orm.em.fork();
      const run: Running = {
        target,
        em,
        client,
        writers: [{ client, stats: tables }],
        extra: [],
        rows: new RowSink(em),
        state: null,
        writing: Promise.resolve(),
        deferred: false,
        aside: new Set(),
      };
      running.push(run);
      for (let i = 1; i < (options.writers ?? 1); i += 1) {
        const writer = await pool.connect();
        run.extra.push(writer);
        run.writers.push({ client: writer, stats: tables });
      }
      // The maintained figures' triggers recompute every person a COPY touches, once per table:
      // the writers switch them off and the figures are rebuilt in one pass at the end.
      for (const writer of run.writers) await writer.client.query(`SET sl.bulk_load = 'on'`);
      if (await target.seeder.hasData(em)) skipped.push(target.name);
    }
    const active = running.filter((r) => !skipped.includes(r.target.name));
    const { people, chunkSize, scale } = options.profile;
    let first = true;
    for (const chunk of demoPeopleChunks(people, options.region, chunkSize, scale)) {
      for (const run of active) {
        if (first) {
          run.state = await run.target.seeder.reference(run.em, chunk, context);
          run.em.clear();
        }
        run.target.seeder.people(run.rows, chunk, run.state, context);
        const batch = run.rows.take();
        if (first && options.deferConstraints) {
          const names = batch.map((b) => b.meta.tableName);
          await deferConstraints(run.client, run.target.name, names);
          run.deferred = true;
          run.aside = new Set(names);
        }
        // One COPY at a time per connection; while it runs (and the other subgraphs' COPYs on
        // their connections), the next part is built: PostgreSQL and Node work side by side.
        await run.writing;
        run.writing = run.rows.write(batch, run.writers, run.aside);
        run.writing.catch(() => undefined);
        await nextTurn();
      }
      first = false;
      written += chunk.length;
      options.onChunk?.(written, tables);
    }
    await Promise.all(active.map((run) => run.writing));
    // The subgraphs finish side by side: social's figures take longest, the others fit beside them.
    await Promise.all(
      active.map(async (run) => finishing.set(run.target.name, await finish(run, tables, options))),
    );
  } finally {
    await Promise.allSettled(running.map((run) => run.writing));
    for (const run of running) {
      if (run.deferred) {
        // A load that failed still leaves the schema whole (over the rows it wrote).
        await restoreConstraints(
          run.writers.map((w) => w.client),
          run.target.name,
        ).catch((error: unknown) =>
          options.logger?.error({ err: error, schema: run.target.name }, 'deferred constraints not restored'),
        );
      }
      await run.client
        .query('SELECT pg_advisory_unlock(hashtext($1))', [bulkLoadLock(run.target.name)])
        .catch(() => undefined);
      for (const writer of run.writers)
        await writer.client.query('RESET sl.bulk_load').catch(() => undefined);
      run.client.release();
      for (const writer of run.extra) writer.release();
    }
  }
  const ms = performance.now() - started;
  options.logger?.debug({ people: written, ms: Math.round(ms), skipped }, 'demo data generated');
  return { people: written, ms, tables, finishing, skipped };
}

/**
 * After the last chunk, one subgraph: its deferred indexes back (the figures' queries need them),
 * then its figures rebuilt on the first connection while the others restore the foreign keys and
 * analyse the tables (with a single connection, one after the other).
 */
async function finish(
  run: Running,
  tables: ReadonlyMap<string, CopyTableStats>,
  options: GenerateOptions,
): Promise<FinishingTimes> {
  const schema = run.target.name;
  const times: FinishingTimes = { indexes: 0, keys: 0, figures: 0, analyze: 0 };
  const clients = run.writers.map((w) => w.client);
  const timed = async (step: keyof FinishingTimes, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    times[step] = performance.now() - started;
  };
  if (run.deferred) await timed('indexes', () => restoreConstraints(clients, schema, 'index'));
  const figures = () =>
    timed('figures', async () => {
      const { rows } = await run.client.query<{ maintained: boolean }>(
        `SELECT to_regprocedure($1) IS NOT NULL AS maintained`,
        [`${schema}.rebuild_figures()`],
      );
      if (!rows[0]?.maintained) return;
      // One pass over every person: minutes for a country, beyond a request's statement timeout.
      await run.client.query('BEGIN');
      await run.client.query('SET LOCAL statement_timeout = 0');
      await run.client.query(`SELECT "${schema}".rebuild_figures()`);
      await run.client.query('COMMIT');
    });
  const keysAndStatistics = async (others: pg.ClientBase[]) => {
    // One connection: two keys added at once may wait on each other's tables.
    if (run.deferred) await timed('keys', () => restoreConstraints([others[0]!], schema));
    run.deferred = false;
    if (!options.analyze) return;
    const queue = [...tables.keys()].filter((table) => table.split('.')[0] === schema);
    await timed('analyze', () =>
      Promise.all(
        others.map(async (client) => {
          for (let table = queue.shift(); table; table = queue.shift()) {
            const [, name] = table.split('.');
            await client.query(`ANALYZE "${schema}"."${name}"`);
          }
        }),
      ),
    );
  };
  if (clients.length === 1) {
    await figures();
    await keysAndStatistics(clients);
    return times;
  }
  // Both end before this returns, failed or not: the connections are free again.
  const results = await Promise.allSettled([figures(), keysAndStatistics(clients.slice(1))]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return times;
}
