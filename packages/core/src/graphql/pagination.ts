// type-graphql reads decorator metadata through this polyfill.
import 'reflect-metadata';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { ValidationError } from '../errors/errors.js';

@Directive('@shareable')
@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

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

export function encodeCursor(values: unknown[], signature = ''): string {
  return Buffer.from(JSON.stringify([signature, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, length: number, signature = ''): unknown[] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(decoded) && decoded.length === length + 1 && decoded[0] === signature)
      return decoded.slice(1);
  } catch {
    // fall through to the error below
  }
  throw new ValidationError(
    'Неверный курсор страницы: начните просмотр списка заново',
    'after',
    'BAD_CURSOR',
  );
}

/**
 * The "after this row" condition of keyset pagination: (a, b, id) > (va, vb, vid) expanded per
 * key so that mixed directions work and each key can use its index.
 */
export function keysetCondition<T>(keys: SortKey[], values: unknown[]): FilterQuery<T> {
  const branches = keys.map((key, i) => {
    const branch: Record<string, unknown> = {};
    for (let j = 0; j < i; j += 1) branch[keys[j]!.field] = values[j];
    branch[key.field] = { [key.direction === 'ASC' ? '$gt' : '$lt']: values[i] };
    return branch;
  });
  return { $or: branches } as FilterQuery<T>;
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

/** One page by keyset: a single SELECT of `first + 1` rows; the count only on demand. */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<NoInfer<T>>,
  keys: SortKey[],
  page: PageRequest,
  defaultSize = 20,
): Promise<ConnectionShape<T>> {
  const first = page.first ?? defaultSize;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new ValidationError(
      `Размер страницы должен быть от 0 до ${MAX_PAGE_SIZE}`,
      'first',
      'PAGE_SIZE_INVALID',
    );
  }
  const signature = sortSignature(keys);
  const cursorValues = page.after ? decodeCursor(page.after, keys.length, signature) : null;
  const pageWhere = cursorValues
    ? ({ $and: [where, keysetCondition<T>(keys, cursorValues)] } as FilterQuery<NoInfer<T>>)
    : where;
  const orderBy = Object.fromEntries(keys.map((k) => [k.field, k.direction === 'ASC' ? 'asc' : 'desc']));
  const rows = await em.find(entity, pageWhere, { orderBy: orderBy as never, limit: first + 1 });
  const hasNextPage = rows.length > first;
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor(
      keys.map((k) => (node as Record<string, unknown>)[k.field]),
      signature,
    ),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: cursorValues !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return em.count(entity, where);
    },
  };
}
