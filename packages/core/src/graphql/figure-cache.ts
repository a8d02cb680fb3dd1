import type { EntityManager } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logging/logger.js';

/**
 * The indicators count millions of rows at the scale of a country, and the Council's page asks for
 * them every minute from every screen that shows it. A subgraph computes each figure once per
 * change of its data and keeps the answer here.
 *
 * "A change" is the subgraph's data version: a sequence its migrations bump from statement
 * triggers on every table the figures read (`<schema>.figures_version`). Reading it costs one tiny
 * statement per request; the figures themselves are recomputed only when it moved.
 *
 * The version is bumped when the writing statement runs, not when its transaction commits, so a
 * figure computed in between would carry the new version without the new rows. `maxAgeMs` bounds
 * that rare case: no answer is older than that.
 *
 * `staleMs` > 0 lets a request be answered with the figures of the previous version while they are
 * recomputed in the background (at most one recomputation per figure at a time), so a busy region
 * does not make the Council's page wait on every write; 0 means every answer counts the data as it
 * is at that moment.
 */
export interface FigureCacheOptions {
  /** The sequence the subgraph's triggers bump, e.g. `social.figures_version`. */
  sequence: string;
  staleMs: number;
  maxAgeMs: number;
  /** Figures (one per figure and key) kept at most; the least recently used go first. */
  maxEntries: number;
  logger?: Logger;
  now?: () => number;
}

interface Entry {
  version: string;
  at: number;
  value: unknown;
}

export class FigureCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly refreshing = new Set<string>();
  /** Counts under way, by version, figure and key. */
  private readonly counting = new Map<string, Promise<Map<string, unknown>>>();
  /** One version read per request (per EntityManager fork), however many figures it asks. */
  private readonly versions = new WeakMap<EntityManager, Promise<string>>();
  private readonly now: () => number;

  constructor(private readonly options: FigureCacheOptions) {
    this.entries = new LRUCache({ max: options.maxEntries });
    this.now = options.now ?? Date.now;
  }

  private version(em: EntityManager): Promise<string> {
    let version = this.versions.get(em);
    if (!version) {
      version = em
        .getConnection()
        .execute(`select last_value::text as v from ${this.options.sequence}`, [], 'get')
        .then((row) => String((row as unknown as { v: string }).v));
      this.versions.set(em, version);
    }
    return version;
  }

  /**
   * The figure `name` for each key: kept answers of the current version, kept answers of an older
   * one within `staleMs` (recomputed behind the request), the rest computed now in one call.
   */
  async load<T>(
    em: EntityManager,
    name: string,
    keys: readonly string[],
    compute: (keys: readonly string[]) => Promise<Map<string, T>>,
  ): Promise<Map<string, T>> {
    const version = await this.version(em);
    const now = this.now();
    const out = new Map<string, T>();
    const missing: string[] = [];
    const behind: string[] = [];
    for (const key of keys) {
      const entry = this.entries.get(`${name}\u0000${key}`);
      const age = entry ? now - entry.at : Number.POSITIVE_INFINITY;
      if (entry && entry.version === version && age < this.options.maxAgeMs) {
        out.set(key, entry.value as T);
      } else if (entry && age < this.options.staleMs) {
        out.set(key, entry.value as T);
        behind.push(key);
      } else {
        missing.push(key);
      }
    }
    if (behind.length > 0) this.refreshBehind(name, behind, version, compute);
    if (missing.length > 0) {
      // Requests that miss the same figure at once (the Council's screens opening together after a
      // change) wait for one count instead of each starting its own.
      const waits = new Map<string, Promise<Map<string, unknown>>>();
      const own = missing.filter((key) => {
        const pending = this.counting.get(`${version}\u0000${name}\u0000${key}`);
        if (pending) waits.set(key, pending);
        return !pending;
      });
      if (own.length > 0) {
        const counted = compute(own).then((values) => {
          this.store(name, own, version, now, values);
          return values as Map<string, unknown>;
        });
        const settled = counted.finally(() => {
          for (const key of own) this.counting.delete(`${version}\u0000${name}\u0000${key}`);
        });
        // Whoever waits on it gets a failure; nobody waiting must not crash the process.
        settled.catch(() => undefined);
        for (const key of own) {
          this.counting.set(`${version}\u0000${name}\u0000${key}`, settled);
          waits.set(key, counted);
        }
      }
      const waiting = [...waits.keys()];
      const answers = await Promise.all(waiting.map((key) => waits.get(key)!));
      waiting.forEach((key, i) => {
        if (answers[i]!.has(key)) out.set(key, answers[i]!.get(key) as T);
      });
    }
    return out;
  }

  private store<T>(
    name: string,
    keys: readonly string[],
    version: string,
    at: number,
    values: Map<string, T>,
  ) {
    for (const key of keys) {
      // A key the computation left out is an empty figure the loader fills in; it is not kept,
      // so a later request asks the database again rather than trusting an absence.
      if (values.has(key)) this.entries.set(`${name}\u0000${key}`, { version, at, value: values.get(key) });
    }
  }

  private refreshBehind<T>(
    name: string,
    keys: readonly string[],
    version: string,
    compute: (keys: readonly string[]) => Promise<Map<string, T>>,
  ): void {
    const pending = keys.filter((k) => !this.refreshing.has(`${name}\u0000${k}`));
    if (pending.length === 0) return;
    for (const k of pending) this.refreshing.add(`${name}\u0000${k}`);
    const at = this.now();
    compute(pending)
      .then((values) => this.store(name, pending, version, at, values))
      .catch((err: unknown) => this.options.logger?.warn({ err, figure: name }, 'figures not recomputed'))
      .finally(() => {
        for (const k of pending) this.refreshing.delete(`${name}\u0000${k}`);
      });
  }
}

/** The cache of each subgraph's ORM (its driver), set by the runtime that serves it. */
const caches = new WeakMap<object, FigureCache>();

export function setFigureCache(em: EntityManager, cache: FigureCache): void {
  caches.set(em.getDriver(), cache);
}

/** The cache serving this EntityManager's subgraph, if its runtime keeps one. */
export function figureCacheOf(em: EntityManager): FigureCache | undefined {
  return caches.get(em.getDriver());
}

/**
 * The figure `name` for `keys`, kept in the subgraph's figure cache until the data it reads
 * changes, or computed now when the runtime keeps no cache.
 */
export function keptFigures<T>(
  em: EntityManager,
  name: string,
  keys: readonly string[],
  compute: (keys: readonly string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const cache = figureCacheOf(em);
  return cache ? cache.load(em, name, keys, compute) : compute(keys);
}

/**
 * The statement trigger that moves a subgraph's data version when a table its figures read
 * changes. Declared on the entity so that the migrations' schema diff knows it; the sequence and
 * the function it calls are created by the subgraph's `figures_version` migration.
 */
export function figuresVersionTrigger(schema: string, table: string) {
  const name = `${table}_figures_version`;
  return {
    name,
    timing: 'after' as const,
    events: ['insert' as const, 'update' as const, 'delete' as const, 'truncate' as const],
    forEach: 'statement' as const,
    expression: `create trigger ${name} after insert or update or delete or truncate on ${schema}.${table} for each statement execute function ${schema}.bump_figures_version()`,
  };
}

const TRANSITION = {
  insert: 'new table as new_rows',
  update: 'old table as old_rows new table as new_rows',
  delete: 'old table as old_rows',
} as const;

/**
 * A statement trigger that keeps a subgraph's maintained figures (`<schema>.figure_day`) up to
 * date: it hands the owners the statement touched (the values of `ownerColumn` before and after)
 * to `<schema>.refresh_figures`, created by the subgraph's `figure_days` migration. An entity
 * declares one per event, since a trigger with transition tables may have only one.
 */
export function figureTrigger(
  schema: string,
  table: string,
  ownerColumn: string,
  event: keyof typeof TRANSITION,
) {
  const name = `${table}_figures_${event}`;
  return {
    name,
    timing: 'after' as const,
    events: [event],
    forEach: 'statement' as const,
    expression: `create trigger ${name} after ${event} on ${schema}.${table} referencing ${TRANSITION[event]} for each statement execute function ${schema}.figures_changed('${ownerColumn}');`,
  };
}
