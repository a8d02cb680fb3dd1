import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ClassType } from 'type-graphql';

/**
 * A request-scoped loader of the rows that belong to each key (e.g. a person's placements):
 * one `WHERE key IN (…)` per batch, whatever the number of people on the page.
 */
export function groupedLoader<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: ClassType<T>,
  key: K,
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>> = {},
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await em.find(entity, { [key]: { $in: [...keys] } } as FilterQuery<NoInfer<T>>, {
      orderBy: orderBy as never,
    });
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(String(row[key]))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** A request-scoped loader of one row per key (null when absent). */
export function singleLoader<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: ClassType<T>,
  key: K,
  /** Relations fetched in the same statement (e.g. a small reference row every result shows). */
  populate: string[] = [],
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await em.find(entity, { [key]: { $in: [...keys] } } as FilterQuery<NoInfer<T>>, {
      populate: populate as never,
    });
    const byKey = new Map(rows.map((row) => [String(row[key]), row]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}
