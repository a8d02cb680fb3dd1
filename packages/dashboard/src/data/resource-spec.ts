/**
 * A selection set, or one built from the caller's roles: the graph refuses a field the caller may
 * not read (FORBIDDEN), so a screen asks only for what the signed-in roles allow.
 */
export type Selection = string | ((roles: string[]) => string);

export interface ResourceSpec {
  /** The connection query, e.g. `recipients`. */
  list: string;
  /** The selection of a node in lists. */
  fields: Selection;
  /** The single-item query `x(id: ID!)`; without it getOne reads the list. */
  one?: string;
  /** The selection for getOne (the card), when richer than the list's. */
  oneFields?: Selection;
  /** Filters passed in one input object: `filter: <input>`; keys are react-admin filter keys. */
  filter?: { input: string; fields: Record<string, string> };
  /** Filters passed as top-level arguments: name → GraphQL type. */
  args?: Record<string, string>;
  /** Sorting the API supports: react-admin field → the order enum's value. */
  orderBy?: { input: string; fields: Record<string, string> };
  create?: {
    mutation: string;
    input: string;
    fields: string[];
    /**
     * Arguments the mutation takes beside `input` (e.g. `addCouncilDecision(meetingId, input)`):
     * name → GraphQL type, their values taken from the form's data.
     */
    args?: Record<string, string>;
    /**
     * A second mutation the same action needs once the first succeeded, e.g. health answers a
     * request with a conclusion, then marks the request answered on the case (two subgraphs, two
     * writes): its input from the first's input and answer.
     */
    followedBy?: {
      mutation: string;
      input: string;
      variables: (
        input: Record<string, unknown>,
        created: Record<string, unknown>,
      ) => Record<string, unknown>;
    };
  };
  update?: { mutation: string; input: string; fields: string[] };
  /** Records without an `id` of their own (e.g. deadlines) get one from their content. */
  idOf?: (node: Record<string, unknown>) => string;
}

export function selection(value: Selection, roles: string[]): string {
  return typeof value === 'function' ? value(roles) : value;
}
