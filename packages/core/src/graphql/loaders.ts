import type { EntityManager, EntityMetadata, EntityProperty, FilterQuery } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ClassType } from 'type-graphql';
import { nativeQuery } from '../db/native-query.js';

/**
 * A request-scoped loader of the rows that belong to each key (e.g. a person's placements):
 * one `WHERE key = ANY(…)` per batch, whatever the number of people on the page.
 */
export function groupedLoader<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: ClassType<T>,
  key: K,
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>> = {},
  rows: 'entities' | 'plain' = 'entities',
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const found = await rowsByKeys(em, entity, key, keys, orderBy, [], rows);
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of found) groups.get(String(row[key]))?.push(row);
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
    const rows = await rowsByKeys(em, entity, key, keys, {}, populate);
    const byKey = new Map(rows.map((row) => [String(row[key]), row]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/**
 * The rows whose `key` is one of `keys`, as managed entities. Outside a transaction the statement
 * is a prepared one on the pool (`nativeQuery`) and MikroORM only maps the rows: building the query
 * through the ORM cost more than the query on the card's hot path. Inside a transaction, where the
 * rows may not be committed yet, or with relations to populate, it is the ORM's own `find`.
 *
 * `plain` (a read path whose rows go straight to GraphQL): outside a transaction the rows are not
 * hydrated into managed entities at all — no entity factory, no identity map, no change tracking —
 * but mapped to plain objects of the entity's properties by the ORM's result mapper (compiled once
 * per entity) and the entity's custom types. Only an entity without relations can be read so.
 */
async function rowsByKeys<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  key: keyof T & string,
  keys: readonly string[],
  orderBy: Partial<Record<string, 'asc' | 'desc'>>,
  populate: string[] = [],
  hydrate: 'entities' | 'plain' = 'entities',
): Promise<T[]> {
  if (em.getTransactionContext() || populate.length > 0) {
    return em.find(entity, { [key]: { $in: [...keys] } } as FilterQuery<NoInfer<T>>, {
      orderBy: orderBy as never,
      populate: populate as never,
    });
  }
  const meta = em.getMetadata().get(entity) as EntityMetadata<T>;
  const statement = keyedSelect(meta, em.schema ?? em.config.get('schema'), key, orderBy);
  const rows = await nativeQuery(em, statement.text, [[...keys]], statement.name);
  const driver = em.getDriver();
  if (hydrate === 'plain') {
    const convert = customTypesOf(meta);
    const platform = em.getPlatform();
    return rows.map((row) => {
      const plain = driver.mapResult(row as never, meta) as Record<string, unknown>;
      for (const prop of convert)
        plain[prop.name] = prop.customType!.convertToJSValue(plain[prop.name], platform);
      return plain as T;
    });
  }
  // Managed entities already in this request keep their state, as with `find`; rows from the
  // database need no validation, and a row's references are not merged on (as `find` hydrates).
  const options = { refresh: false, convertCustomTypes: true, validate: false, cascade: false };
  return rows.map((row) => em.merge(entity, driver.mapResult(row as never, meta)!, options));
}

const customTypes = new WeakMap<EntityMetadata, EntityProperty[]>();

/** The entity's properties whose database value is converted (dates, arrays…); refuses relations. */
function customTypesOf(meta: EntityMetadata): EntityProperty[] {
  let found = customTypes.get(meta);
  if (!found) {
    if (meta.relations.length > 0)
      throw new Error(`${meta.className}: plain rows only for entities without relations`);
    found = meta.props.filter((prop) => prop.customType !== undefined);
    customTypes.set(meta, found);
  }
  return found;
}

interface Statement {
  name: string;
  text: string;
}

const statements = new Map<string, Statement>();

/** `SELECT * … WHERE key = ANY($1) ORDER BY …` for an entity, built once from its metadata. */
function keyedSelect(
  meta: EntityMetadata,
  schema: string | undefined,
  key: string,
  orderBy: Partial<Record<string, 'asc' | 'desc'>>,
): Statement {
  const order = Object.entries(orderBy);
  const id = `${schema}.${meta.className}.${key}.${order.map(([p, d]) => `${p}:${d}`).join(',')}`;
  let statement = statements.get(id);
  if (!statement) {
    const column = (property: string) => {
      const prop = meta.properties[property as never] as { fieldNames?: string[] } | undefined;
      const name = prop?.fieldNames?.[0];
      if (!name || prop.fieldNames!.length !== 1)
        throw new Error(`${meta.className}.${property}: not one column`);
      return `"${name}"`;
    };
    const table = `${(meta.schema ?? schema) ? `"${meta.schema ?? schema}".` : ''}"${meta.tableName}"`;
    const sort = order.map(
      ([property, direction]) => `${column(property)} ${direction === 'desc' ? 'DESC' : 'ASC'}`,
    );
    statement = {
      // Prepared statements are named per connection; the name only has to be unique and stable.
      name: `sl_keyed_${statements.size}`,
      text: `SELECT * FROM ${table} WHERE ${column(key)} = ANY($1)${sort.length ? ` ORDER BY ${sort.join(', ')}` : ''}`,
    };
    statements.set(id, statement);
  }
  return statement;
}
