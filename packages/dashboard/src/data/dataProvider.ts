import type { ApolloClient } from '@apollo/client';
import { gql } from '@apollo/client';
import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import { readSession } from '../auth/session';
import { toHttpError } from '../graphql/errors';
import { CursorBook } from './cursors';
import {
  createOperation,
  followUpOperation,
  listOperation,
  manyOperation,
  oneOperation,
  updateOperation,
} from './operations';
import { registry as defaultRegistry, type ResourceSpec } from './registry';

type Node = Record<string, unknown>;
interface Connection {
  totalCount: number;
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The first page the API refuses to exceed (MAX_PAGE_SIZE in core's pagination). */
const MAX_PAGE_SIZE = 200;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Splits react-admin's flat filter into the connection's arguments, dropping unknown keys. */
export function listArguments(spec: ResourceSpec, raFilter: Record<string, unknown>) {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const args: string[] = [];
  if (spec.filter) {
    const filter: Record<string, unknown> = {};
    for (const key of Object.keys(spec.filter.fields)) {
      if (!isEmpty(raFilter[key])) filter[key] = raFilter[key];
    }
    // An absent filter is left out rather than sent as null: not every list takes `filter: null`.
    if (Object.keys(filter).length > 0) {
      declarations.push(`$filter: ${spec.filter.input}`);
      args.push('filter: $filter');
      variables.filter = filter;
    }
  }
  for (const [name, type] of Object.entries(spec.args ?? {})) {
    if (isEmpty(raFilter[name])) continue;
    declarations.push(`$${name}: ${type}`);
    args.push(`${name}: $${name}`);
    variables[name] = raFilter[name];
  }
  return { variables, declarations, args };
}

function withId(spec: ResourceSpec, node: Node): RaRecord {
  return { ...node, id: (spec.idOf ? spec.idOf(node) : node.id) as Identifier };
}

/** Keeps the fields the input type accepts; on update only those that changed. */
export function inputOf(
  fields: string[],
  data: Record<string, unknown>,
  previous?: Record<string, unknown>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in data)) continue;
    const value = data[field] === '' ? null : data[field];
    if (previous) {
      if (JSON.stringify(value ?? null) !== JSON.stringify(previous[field] ?? null)) input[field] = value;
    } else if (value !== null && value !== undefined) {
      input[field] = value;
    }
  }
  return input;
}

/**
 * react-admin's data provider over the graph, generic over the registry. Errors become
 * HttpErrors (see graphql/errors.ts) so validation messages land on the form's fields and an
 * expired session sends the user back to the sign-in page.
 */
export function graphDataProvider(
  client: ApolloClient,
  registry: Record<string, ResourceSpec> = defaultRegistry,
): DataProvider {
  const cursors = new CursorBook();
  const roles = () => readSession()?.roles ?? [];

  const specOf = (resource: string): ResourceSpec => {
    const spec = registry[resource];
    if (!spec) throw new Error(`Unknown resource: ${resource}`);
    return spec;
  };

  async function run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toHttpError(error);
    }
  }

  async function fetchPage(
    spec: ResourceSpec,
    raFilter: Record<string, unknown>,
    sort: GetListParams['sort'],
    first: number,
    after: string | null,
  ): Promise<Connection> {
    const { variables, declarations, args } = listArguments(spec, raFilter);
    if (spec.orderBy && sort?.field && spec.orderBy.fields[sort.field]) {
      declarations.push(`$orderBy: ${spec.orderBy.input}`);
      args.push('orderBy: $orderBy');
      variables.orderBy = {
        field: spec.orderBy.fields[sort.field],
        direction: sort.order === 'DESC' ? 'DESC' : 'ASC',
      };
    }
    const query = gql(listOperation(spec, roles(), declarations, args));
    const result = await client.query<{ page: Connection }>({
      query,
      variables: { ...variables, first, after },
    });
    return result.data!.page;
  }

  const provider: DataProvider = {
    getList: (resource, params) =>
      run(async () => {
        const spec = specOf(resource);
        const page = params.pagination?.page ?? 1;
        const perPage = Math.min(params.pagination?.perPage ?? 25, MAX_PAGE_SIZE);
        const filter = (params.filter ?? {}) as Record<string, unknown>;
        const key = `${resource}|${JSON.stringify([filter, params.sort, perPage])}`;
        let known = cursors.nearestKnown(key, page);
        let after = cursors.startOf(key, known) ?? null;
        let connection = await fetchPage(spec, filter, params.sort, perPage, after);
        cursors.remember(key, known, connection.pageInfo.endCursor, connection.pageInfo.hasNextPage);
        while (known < page && connection.pageInfo.hasNextPage) {
          known += 1;
          after = connection.pageInfo.endCursor;
          connection = await fetchPage(spec, filter, params.sort, perPage, after);
          cursors.remember(key, known, connection.pageInfo.endCursor, connection.pageInfo.hasNextPage);
        }
        return {
          data: (known === page ? connection.edges.map((e) => withId(spec, e.node)) : []) as never[],
          total: connection.totalCount,
        };
      }),

    getOne: (resource, params) =>
      run(async () => {
        const spec = specOf(resource);
        if (!spec.one) {
          // No single-item query: look for it in the first page of the list.
          const list = await fetchPage(spec, {}, { field: 'id', order: 'ASC' }, MAX_PAGE_SIZE, null);
          const found = list.edges
            .map((e) => withId(spec, e.node))
            .find((r) => String(r.id) === String(params.id));
          if (!found) throw new Error('ra.notification.item_doesnt_exist');
          return { data: found as never };
        }
        const result = await client.query<{ one: Node }>({
          query: gql(oneOperation(spec, roles())),
          variables: { id: params.id },
        });
        return { data: withId(spec, result.data!.one) as never };
      }),

    getMany: (resource, params) =>
      run(async () => {
        const spec = specOf(resource);
        if (params.ids.length === 0) return { data: [] };
        if (!spec.one) {
          const list = await fetchPage(spec, {}, { field: 'id', order: 'ASC' }, MAX_PAGE_SIZE, null);
          const wanted = new Set(params.ids.map(String));
          return {
            data: list.edges
              .map((e) => withId(spec, e.node))
              .filter((r) => wanted.has(String(r.id))) as never,
          };
        }
        // One request, one aliased field per id (the graph batches them behind DataLoaders).
        const ids = params.ids.slice(0, 50);
        const query = gql(manyOperation(spec, roles(), ids.length));
        const result = await client.query<Record<string, Node>>({
          query,
          variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
        });
        return { data: ids.map((_, i) => withId(spec, result.data![`r${i}`]!)) as never };
      }),

    getManyReference: (resource, params) =>
      provider.getList(resource, {
        ...params,
        filter: { ...(params.filter ?? {}), [params.target]: params.id },
      }),

    create: (resource, params) =>
      run(async () => {
        const spec = specOf(resource);
        if (!spec.create) throw new Error(`${resource} cannot be created from the dashboard`);
        const input = inputOf(spec.create.fields, params.data as Record<string, unknown>);
        const extra = Object.entries(spec.create.args ?? {});
        const data = params.data as Record<string, unknown>;
        const args = Object.fromEntries(extra.map(([name]) => [name, data[name]]));
        const result = await client.mutate<{ created: Node }>({
          mutation: gql(createOperation(spec, roles())),
          variables: { input, ...args },
        });
        if (spec.create.followedBy) {
          const then = spec.create.followedBy;
          await client.mutate({
            mutation: gql(followUpOperation(spec)),
            variables: { input: then.variables(input, result.data!.created) },
          });
        }
        cursors.forget(resource);
        // What the record was made for (recipientId, obligationId) stays on it, so the form can
        // go back to the person or the obligation even when the graph's type does not repeat it.
        const links = Object.fromEntries(
          Object.entries({ ...input, ...args }).filter(([key]) => key.endsWith('Id')),
        );
        return { data: withId(spec, { ...links, ...result.data!.created }) as never };
      }),

    update: (resource, params) =>
      run(async () => {
        const spec = specOf(resource);
        if (!spec.update) throw new Error(`${resource} cannot be edited from the dashboard`);
        const input = inputOf(
          spec.update.fields,
          params.data as Record<string, unknown>,
          params.previousData as Record<string, unknown>,
        );
        const result = await client.mutate<{ updated: Node }>({
          mutation: gql(updateOperation(spec, roles())),
          // A record that carries a version is edited on that version: if someone saved it
          // meanwhile, the graph answers EDIT_CONFLICT instead of overwriting their change.
          variables: {
            input: {
              ...input,
              id: params.id,
              ...(typeof params.previousData?.version === 'number'
                ? { version: params.previousData.version }
                : {}),
            },
          },
        });
        cursors.forget(resource);
        return { data: withId(spec, result.data!.updated) as never };
      }),

    updateMany: () => Promise.reject(new Error('Массовое изменение не поддерживается')),
    delete: () => Promise.reject(new Error('Удаление не поддерживается: записи хранят историю')),
    deleteMany: () => Promise.reject(new Error('Удаление не поддерживается: записи хранят историю')),
  };
  return provider;
}
