import { type ResourceSpec, selection } from './resource-spec';

/**
 * The data provider's GraphQL operations, built from a registry entry. They are built here and only
 * here so that `scripts/check-operations.ts` (run by the dashboard's build) can build every one of
 * them for every resource and validate it against the committed API schema: a registry entry that no
 * longer matches the graph fails the build, not a coordinator's screen.
 */

/** A list page: the connection with the filter, argument and order declarations the call needs. */
export function listOperation(
  spec: ResourceSpec,
  roles: string[],
  declarations: string[],
  args: string[],
): string {
  return `query List($first: Int, $after: String${declarations.map((d) => `, ${d}`).join('')}) {
      page: ${spec.list}(first: $first, after: $after${args.map((a) => `, ${a}`).join('')}) {
        totalCount
        edges { node { ${selection(spec.fields, roles)} } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
}

/** One record by its id (the card). */
export function oneOperation(spec: ResourceSpec, roles: string[]): string {
  return `query One($id: ID!) { one: ${spec.one}(id: $id) { ${selection(spec.oneFields ?? spec.fields, roles)} } }`;
}

/** Several records in one request, one aliased field per id (the graph batches them). */
export function manyOperation(spec: ResourceSpec, roles: string[], count: number): string {
  const ids = Array.from({ length: count }, (_, i) => i);
  return `query Many(${ids.map((i) => `$id${i}: ID!`).join(', ')}) {
          ${ids.map((i) => `r${i}: ${spec.one}(id: $id${i}) { ${selection(spec.fields, roles)} }`).join('\n')}
        }`;
}

/** The create mutation, with the arguments it takes beside `input`. */
export function createOperation(spec: ResourceSpec, roles: string[]): string {
  const create = spec.create!;
  const extra = Object.entries(create.args ?? {});
  return `mutation Create($input: ${create.input}!${extra.map(([n, t]) => `, $${n}: ${t}`).join('')}) {
            created: ${create.mutation}(input: $input${extra.map(([n]) => `, ${n}: $${n}`).join('')}) { ${selection(spec.oneFields ?? spec.fields, roles)} }
          }`;
}

/** The second mutation a create needs once the first succeeded (`create.followedBy`). */
export function followUpOperation(spec: ResourceSpec): string {
  const then = spec.create!.followedBy!;
  return `mutation Then($input: ${then.input}!) { done: ${then.mutation}(input: $input) { id } }`;
}

/** The update mutation. */
export function updateOperation(spec: ResourceSpec, roles: string[]): string {
  return `mutation Update($input: ${spec.update!.input}!) {
            updated: ${spec.update!.mutation}(input: $input) { ${selection(spec.oneFields ?? spec.fields, roles)} }
          }`;
}
