import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
// type-graphql reads decorator metadata through this polyfill.
import 'reflect-metadata';
import { type EntityMetadata, ReferenceKind, Utils } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { ValidationError } from '../errors/errors.js';
import { figureCacheOf } from './figure-cache.js';

@Directive('@shareable')
@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  // A promise where finding out costs a query: it runs only when the field is selected.
  @Field(() => Boolean)
  hasNextPage!: boolean | Promise<boolean>;

  @Field(() => Boolean)
  hasPreviousPage!: boolean | Promise<boolean>;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** A getter: the COUNT runs only when the client selects the field. */
  readonly totalCount: Promise<number>;
}

/**
 * A Relay connection type for `node`. Every list of the graph is one: `edges { cursor node }`,
 * `pageInfo`, `totalCount`. The count runs only when the client asks for it.
 */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages' })
    totalCount!: Promise<number>;
  }
  return ConnectionType;
}

export type SortDirection = 'ASC' | 'DESC';
export interface SortKey {
  /** Entity property name. */
  field: string;
  direction: SortDirection;
}

export const MAX_PAGE_SIZE = 200;

/** The order a cursor belongs to: a cursor of another order would give a wrong page. */
export function sortSignature(keys: SortKey[]): string {
  return keys.map((k) => `${k.field}:${k.direction}`).join(',');
}

/**
 * Cursors carry the sort values of a row (names, birth dates): they are sealed with AES-256-GCM so
 * that a caller can neither read them (a ministry learning a name it may not see) nor forge one.
 * The key comes from SESSION_SECRET (`setCursorSecret`, at start-up), so every process of a
 * deployment reads the others' cursors; until then a random key of this process.
 */
let cursorKey = randomBytes(32);

export function setCursorSecret(secret: string): void {
  cursorKey = createHash('sha256').update(`list-cursor:${secret}`).digest();
}

export function encodeCursor(values: unknown[], signature = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cursorKey, iv);
  const sealed = Buffer.concat([
    cipher.update(JSON.stringify([signature, ...values]), 'utf8'),
    cipher.final(),
  ]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

function openCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', cursorKey, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export function decodeCursor(cursor: string, length: number, signature = '', field = 'after'): unknown[] {
  try {
    const decoded = JSON.parse(openCursor(cursor)) as unknown;
    if (Array.isArray(decoded) && decoded.length === length + 1 && decoded[0] === signature)
      return decoded.slice(1);
  } catch {
    // fall through to the error below
  }
  throw new ValidationError('Неверный курсор страницы: начните просмотр списка заново', field, 'BAD_CURSOR');
}

/**
 * The "after this row" condition of keyset pagination: (a, b, id) > (va, vb, vid) expanded per
 * key so that mixed directions work, ANDed with a redundant bound on the leading key
 * (`a <= va` for DESC, `a >= va` for ASC): PostgreSQL cannot use the OR branches as an index
 * condition, but it can the bound, so a deep page starts reading the index at the cursor instead
 * of at the first row.
 *
 * `nullable` names the keys whose column may hold NULL. The condition follows PostgreSQL's default
 * order, the one `paginate` asks for: NULLs last for ASC, first for DESC. So after a NULL cursor
 * value an ASC key has only NULLs left and a DESC key every non-NULL value; after a value, an ASC
 * key still has the NULLs.
 */
export function keysetCondition<T>(
  keys: SortKey[],
  values: unknown[],
  nullable: ReadonlySet<string> = new Set(),
): FilterQuery<T> {
  const branches: Record<string, unknown>[] = [];
  keys.forEach((key, i) => {
    const value = values[i] ?? null;
    const after = afterCondition(key, value, nullable.has(key.field));
    if (after === null) return;
    const branch: Record<string, unknown> = {};
    // `{ field: null }` is IS NULL: an equal NULL in an earlier key matches its own rows.
    for (let j = 0; j < i; j += 1) branch[keys[j]!.field] = values[j] ?? null;
    branches.push({ ...branch, ...after });
  });
  const either: Record<string, unknown> =
    branches.length === 0
      ? { [keys[0]!.field]: { $in: [] } }
      : branches.length === 1
        ? branches[0]!
        : { $or: branches };
  const bound = leadingBound(keys[0]!, values[0] ?? null, nullable.has(keys[0]!.field));
  return (bound && branches.length > 1 ? { $and: [bound, either] } : either) as FilterQuery<T>;
}

/** Rows strictly after `value` in this key's order, or null when none can be. */
function afterCondition(key: SortKey, value: unknown, nullable: boolean): Record<string, unknown> | null {
  if (key.direction === 'ASC') {
    if (value === null) return null;
    return nullable
      ? { $or: [{ [key.field]: { $gt: value } }, { [key.field]: null }] }
      : { [key.field]: { $gt: value } };
  }
  return value === null ? { [key.field]: { $ne: null } } : { [key.field]: { $lt: value } };
}

/** The range of the leading key that holds every later row, as one index condition (if any). */
function leadingBound(key: SortKey, value: unknown, nullable: boolean): Record<string, unknown> | null {
  if (key.direction === 'DESC') return value === null ? null : { [key.field]: { $lte: value } };
  if (value === null) return { [key.field]: null };
  // ASC after a value also keeps the NULLs: `>= v OR IS NULL` is no single range.
  return nullable ? null : { [key.field]: { $gte: value } };
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The four Relay arguments of every connection field, described once for the whole graph. */
@ArgsType()
export class PageArgs implements PageRequest {
  @Field(() => Int, { nullable: true, description: `The first rows of the range, 0–${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The range starts after this cursor' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `The last rows of the range, 0–${MAX_PAGE_SIZE}` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'The range ends before this cursor' })
  before?: string | null;
}

/**
 * A page request checked against the Relay rules: the rows strictly between `after` and `before`
 * (either may be absent), of which the first `size` (forward) or the last `size` (backward).
 * `before` alone pages backward, as `after` alone pages forward.
 */
export interface PagePlan {
  size: number;
  backward: boolean;
  after: unknown[] | null;
  before: unknown[] | null;
}

export function planPage(page: PageRequest, keyCount: number, signature: string, defaultSize = 20): PagePlan {
  if (page.first != null && page.last != null) {
    throw new ValidationError(
      'Укажите только одно из first и last: страница берётся либо с начала, либо с конца',
      'last',
      'PAGE_FIRST_AND_LAST',
    );
  }
  const backward = page.last != null || (page.first == null && Boolean(page.before));
  const field = backward ? 'last' : 'first';
  const size = page[field] ?? defaultSize;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new ValidationError(
      `Размер страницы должен быть от 0 до ${MAX_PAGE_SIZE}`,
      field,
      'PAGE_SIZE_INVALID',
    );
  }
  return {
    size,
    backward,
    after: page.after ? decodeCursor(page.after, keyCount, signature, 'after') : null,
    before: page.before ? decodeCursor(page.before, keyCount, signature, 'before') : null,
  };
}

/** Whether the list holds a row at or beyond a cursor of the plan: asked only if selected. */
export interface EdgeProbes {
  /** A row sorting at or before the `after` cursor. */
  atOrBeforeAfter(): Promise<boolean>;
  /** A row sorting at or after the `before` cursor. */
  atOrAfterBefore(): Promise<boolean>;
}

/**
 * The connection of a page whose `rows` were read in the plan's direction, at most `size + 1` of
 * them (the extra row tells that more lie that way). `hasPreviousPage`/`hasNextPage` follow the
 * Relay algorithm: the extra row on the side read, the probes on the side of a cursor; both run
 * only when the client selects the field, as does `totalCount`.
 */
export function connectionOf<N>(
  plan: PagePlan,
  rows: N[],
  cursorOf: (node: N) => string,
  probes: EdgeProbes,
  totalCount: () => Promise<number>,
): ConnectionShape<N> {
  const more = rows.length > plan.size;
  const taken = rows.slice(0, plan.size);
  const nodes = plan.backward ? taken.reverse() : taken;
  const edges = nodes.map((node) => ({ node, cursor: cursorOf(node) }));
  const beyond = (read: boolean, cursor: unknown[] | null, probe: () => Promise<boolean>) =>
    (read && more) || (cursor !== null && probe());
  return {
    edges,
    pageInfo: {
      get hasNextPage() {
        return beyond(!plan.backward, plan.before, () => probes.atOrAfterBefore());
      },
      get hasPreviousPage() {
        return beyond(plan.backward, plan.after, () => probes.atOrBeforeAfter());
      },
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return totalCount();
    },
  };
}

/** The same keys in the opposite order (PostgreSQL's NULL placement reverses with the direction). */
export function reverseKeys(keys: SortKey[]): SortKey[] {
  return keys.map((k) => ({ field: k.field, direction: k.direction === 'ASC' ? 'DESC' : 'ASC' }));
}

/**
 * The keyset of a page over a SQL row value sorted ascending whose columns hold no NULL, e.g.
 * `(due_on, kind, item_id)`, for lists read with SQL: the range between the plan's cursors, the
 * order to read it in, and the conditions of the two probes. `casts` are the columns' types, so
 * the cursor values bind as what they are.
 */
export function sqlKeyset(plan: PagePlan, columns: string[], casts: string[]) {
  const row = `(${columns.join(', ')})`;
  const value = `(${casts.map((c) => `?::${c}`).join(', ')})`;
  const bounds: [string, unknown[]][] = [];
  if (plan.after) bounds.push([`${row} > ${value}`, plan.after]);
  if (plan.before) bounds.push([`${row} < ${value}`, plan.before]);
  const direction = plan.backward ? 'desc' : 'asc';
  return {
    where: bounds.map(([sql]) => sql).join(' and ') || 'true',
    params: bounds.flatMap(([, values]) => values),
    orderBy: columns.map((c) => `${c} ${direction}`).join(', '),
    atOrBeforeAfter: { where: `${row} <= ${value}`, params: plan.after ?? [] },
    atOrAfterBefore: { where: `${row} >= ${value}`, params: plan.before ?? [] },
  };
}

/** One page by keyset: a single SELECT of `size + 1` rows; the count and the probes on demand. */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<NoInfer<T>>,
  keys: SortKey[],
  page: PageRequest,
  defaultSize = 20,
): Promise<ConnectionShape<T>> {
  const signature = sortSignature(keys);
  const plan = planPage(page, keys.length, signature, defaultSize);
  const meta: EntityMetadata | undefined = em.getMetadata().find(entity);
  const nullable = new Set(keys.filter((k) => meta?.properties[k.field]?.nullable).map((k) => k.field));
  const reversed = reverseKeys(keys);
  const afterRow = (values: unknown[]) => keysetCondition<T>(keys, values, nullable);
  const beforeRow = (values: unknown[]) => keysetCondition<T>(reversed, values, nullable);
  const within = (...conditions: (FilterQuery<T> | null)[]) => {
    const all = [where, ...conditions.filter((c) => c !== null)];
    return (all.length === 1 ? where : { $and: all }) as FilterQuery<NoInfer<T>>;
  };
  const range = within(plan.after && afterRow(plan.after), plan.before && beforeRow(plan.before));
  // Plain asc/desc: PostgreSQL's default NULL placement, which `keysetCondition` follows.
  const orderOf = (order: SortKey[]) =>
    Object.fromEntries(order.map((k) => [k.field, k.direction === 'ASC' ? 'asc' : 'desc'])) as never;
  const rows = await em.find(entity, range, {
    orderBy: orderOf(plan.backward ? reversed : keys),
    limit: plan.size + 1,
  });
  const exists = async (condition: FilterQuery<T>) =>
    (await em.find(entity, within(condition), { limit: 1 })).length > 0;
  // A cursor's own row counts as lying beyond it: `{ key: null }` is IS NULL, so NULLs match too.
  const at = (values: unknown[]) =>
    Object.fromEntries(keys.map((k, i) => [k.field, values[i] ?? null])) as FilterQuery<T>;
  return connectionOf(
    plan,
    rows,
    (node) =>
      encodeCursor(
        keys.map((k) => (node as Record<string, unknown>)[k.field]),
        signature,
      ),
    {
      atOrBeforeAfter: () => exists({ $or: [beforeRow(plan.after!), at(plan.after!)] } as FilterQuery<T>),
      atOrAfterBefore: () => exists({ $or: [afterRow(plan.before!), at(plan.before!)] } as FilterQuery<T>),
    },
    () => countMatches(em, entity, where),
  );
}

/**
 * `totalCount` of a list. Counting every match on every page is the dearest part of a list at the
 * scale of a country, so where the entity's table moves its subgraph's data version (the
 * `figuresVersionTrigger`) and the condition reads only that table, the count is kept in the
 * subgraph's figure cache by the full condition (the caller's access scope included) and counted
 * again only after the data changed. Anything else is counted directly.
 */
async function countMatches<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<NoInfer<T>>,
): Promise<number> {
  const cache = figureCacheOf(em);
  const meta = cache && em.getMetadata().find(entity);
  const key = meta && tracksVersion(meta) ? ownColumnsKey(meta, where) : null;
  if (!cache || !meta || key === null) return em.count(entity, where);
  const counted = await cache.load(em, `count:${meta.className}`, [key], async () => {
    return new Map([[key, await em.count(entity, where)]]);
  });
  return counted.get(key) ?? em.count(entity, where);
}

function tracksVersion(meta: EntityMetadata): boolean {
  return meta.triggers.some((t) => t.name === `${meta.tableName}_figures_version`);
}

const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$like', '$ilike']);
const isScalar = (v: unknown) =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date;

/**
 * The condition as a cache key, or null when it may read another table (raw SQL, a relation's
 * columns): the table's version would not move when that one changes.
 */
function ownColumnsKey(meta: EntityMetadata, where: unknown): string | null {
  const ownValue = (v: unknown): boolean =>
    isScalar(v) ||
    (Array.isArray(v) && v.every(isScalar)) ||
    (Utils.isPlainObject(v) &&
      Object.getOwnPropertySymbols(v).length === 0 &&
      Object.entries(v).every(
        ([op, x]) => OPERATORS.has(op) && (isScalar(x) || (Array.isArray(x) && x.every(isScalar))),
      ));
  const own = (cond: unknown): boolean => {
    if (!Utils.isPlainObject(cond) || Object.getOwnPropertySymbols(cond).length > 0) return false;
    return Object.entries(cond).every(([field, value]) => {
      if (field === '$and' || field === '$or') return Array.isArray(value) && value.every(own);
      if (field === '$not') return own(value);
      const kind = meta.properties[field]?.kind;
      return (kind === ReferenceKind.SCALAR || kind === ReferenceKind.MANY_TO_ONE) && ownValue(value);
    });
  };
  return own(where) ? JSON.stringify(where) : null;
}

/**
 * A list of everyone's records (visits, assessments, enrolments…): latest `field` first, the id
 * breaking ties so that a page never repeats or skips a record among equal dates.
 */
export function paginateLatestFirst<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<NoInfer<T>>,
  field: keyof T & string,
  page: PageRequest,
): Promise<ConnectionShape<T>> {
  return paginate(
    em,
    entity,
    where,
    [
      { field, direction: 'DESC' },
      { field: 'id', direction: 'DESC' },
    ],
    page,
  );
}
