import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { keptFigures } from './figure-cache.js';

/**
 * The federated `Indicators` entity is keyed by `scope asOf`: coordination owns it, every subgraph
 * adds the figures of the data it owns. These helpers are the part each subgraph would otherwise
 * repeat: the key, and a loader that answers every key of a request with one statement.
 */

/** The scope of the whole region; any other scope is a municipality's name as the records write it. */
export const REGION_SCOPE = 'region';

/** One `Indicators` reference: a scope and a date. */
export interface IndicatorKey {
  scope: string;
  asOf: string;
}

export const indicatorKeyOf = (k: IndicatorKey): string => `${k.scope}\u0000${k.asOf}`;

/** A PostgreSQL array literal: the driver binds a JS array as a list, not as one array value. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * The CTE `k(scope, as_of)` of the requested keys, to start a statement from: bind
 * `indicatorKeyParams(keys)` for its two placeholders. One statement then answers a whole series.
 */
export const INDICATOR_KEYS_CTE = 'k(scope, as_of) as (select distinct * from unnest(?::text[], ?::date[]))';

export function indicatorKeyParams(keys: readonly IndicatorKey[]): [string, string] {
  return [pgTextArray(keys.map((k) => k.scope)), pgTextArray(keys.map((k) => k.asOf))];
}

/** Rows of a raw statement in the request's transaction, if any. */
export async function selectRows(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<Record<string, unknown>[]> {
  return (await em.getConnection().execute(sql, [...params], 'all', em.getTransactionContext())) as Record<
    string,
    unknown
  >[];
}

const keyFromString = (key: string): IndicatorKey => {
  const [scope, asOf] = key.split('\u0000') as [string, string];
  return { scope, asOf };
};

/**
 * A request-scoped loader of one subgraph's figures per `Indicators` key: `load` gets every key
 * the request asks for (a series of 24 months is one batch) and runs one statement for all of them;
 * keys it leaves out get `empty()`. With `cached`, the subgraph's figure cache (if its runtime
 * keeps one) answers the keys whose data has not changed since they were last counted.
 */
export function indicatorLoader<T>(
  load: (keys: readonly IndicatorKey[]) => Promise<Map<string, T>>,
  empty: () => T,
  cached?: { em: EntityManager; figure: string },
): DataLoader<IndicatorKey, T, string> {
  return new DataLoader<IndicatorKey, T, string>(
    async (keys) => {
      const byKey = cached
        ? await keptFigures(cached.em, cached.figure, keys.map(indicatorKeyOf), (strings) =>
            load(strings.map(keyFromString)),
          )
        : await load(keys);
      return keys.map((k) => byKey.get(indicatorKeyOf(k)) ?? empty());
    },
    { cacheKeyFn: indicatorKeyOf },
  );
}

/** A subgraph's maintained figures on one key: `figure → dim → n` (dim '' when it has none). */
export type FigureTotals = Map<string, Map<string, number>>;

/**
 * The maintained figures (`<schema>.figure_day`, kept by the subgraph's `figure_days` migration's
 * triggers) on each key: the sum of every step of the figure up to the key's date, in the key's
 * scope. The reading is a sum over a few thousand small rows whatever the number of people, where
 * counting the records themselves scans millions.
 */
export async function figureTotals(
  em: EntityManager,
  schema: string,
  keys: readonly IndicatorKey[],
  figures: readonly string[],
): Promise<Map<string, FigureTotals>> {
  const rows = await selectRows(
    em,
    `with ${INDICATOR_KEYS_CTE}
     select k.scope, to_char(k.as_of, 'YYYY-MM-DD') as as_of, f.figure, f.dim, sum(f.n)::bigint as n
     from k join ${schema}.figure_day f on f.scope = k.scope and f.day <= k.as_of
     where f.figure = any(?::text[])
     group by k.scope, k.as_of, f.figure, f.dim
     having sum(f.n) <> 0`,
    [...indicatorKeyParams(keys), pgTextArray(figures)],
  );
  const out = new Map(keys.map((k) => [indicatorKeyOf(k), new Map() as FigureTotals]));
  for (const r of rows) {
    const totals = out.get(`${r.scope}\u0000${r.as_of}`);
    if (!totals) continue;
    const figure = String(r.figure);
    const dims = totals.get(figure) ?? new Map<string, number>();
    dims.set(String(r.dim), Number(r.n));
    totals.set(figure, dims);
  }
  return out;
}

/** One figure's total over its dims (0 when it has no steps yet). */
export function figureTotal(totals: FigureTotals | undefined, figure: string): number {
  let sum = 0;
  for (const n of totals?.get(figure)?.values() ?? []) sum += n;
  return sum;
}
