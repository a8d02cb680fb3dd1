import {
  AUDIT_UNAVAILABLE,
  type BaseContext,
  DatabaseUnavailableError,
  formatError,
  isDatabaseUnavailable,
  type SubgraphContext,
  type SubgraphRuntime,
} from '@sl/core';
import {
  type DocumentNode,
  execute,
  GraphQLError,
  type GraphQLFormattedError,
  parse,
  validate,
} from 'graphql';
import { LRUCache } from 'lru-cache';

export interface SubgraphResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

/** A document ready to run, or why it cannot. */
type Prepared = DocumentNode | readonly GraphQLError[];

/** A syntax tree takes roughly this many bytes per character of the query it was parsed from. */
const AST_BYTES_PER_CHARACTER = 20;

/**
 * A subgraph run inside the gateway's process, whichever engine plans the query. Each subgraph
 * gets its own context per request (its own EntityManager fork and loaders), shared by every fetch
 * the query plan makes to it; its audit records are written before the engine sees the data; and
 * its errors go through the same formatter as over HTTP.
 */
export class InProcessSubgraph {
  private readonly contexts = new WeakMap<object, SubgraphContext>();
  /**
   * The query planner sends each subgraph the same few operations over and over, differing only in
   * their variables: parse and validate each text once. Sized in bytes of query text, times a
   * factor for the syntax tree built from it.
   */
  private readonly texts: LRUCache<string, Prepared>;
  /** An engine that hands over syntax trees keeps one per planned fetch: validate each once. */
  private readonly trees = new WeakMap<DocumentNode, Prepared>();

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly onUnexpected: (error: unknown) => void,
    documentCacheMiB: number,
  ) {
    this.texts = new LRUCache({
      maxSize: documentCacheMiB * 2 ** 20,
      sizeCalculation: (_value, query) => query.length * AST_BYTES_PER_CHARACTER,
    });
  }

  private fromText(query: string): Prepared {
    let prepared = this.texts.get(query);
    if (!prepared) {
      try {
        prepared = this.validated(parse(query));
      } catch (error) {
        prepared = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      this.texts.set(query, prepared);
    }
    return prepared;
  }

  private fromTree(document: DocumentNode): Prepared {
    let prepared = this.trees.get(document);
    if (!prepared) {
      prepared = this.validated(document);
      this.trees.set(document, prepared);
    }
    return prepared;
  }

  private validated(document: DocumentNode): Prepared {
    const errors = validate(this.runtime.schema, document);
    return errors.length > 0 ? errors : document;
  }

  async run(
    query: string | DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | null | undefined,
    base: BaseContext,
  ): Promise<SubgraphResult> {
    let subgraphContext = this.contexts.get(base);
    if (!subgraphContext) {
      subgraphContext = this.runtime.contextFor(base);
      this.contexts.set(base, subgraphContext);
    }
    const document = typeof query === 'string' ? this.fromText(query) : this.fromTree(query);
    const result =
      'kind' in document
        ? await execute({
            schema: this.runtime.schema,
            document,
            variableValues: variables ?? {},
            operationName: operationName ?? null,
            contextValue: subgraphContext,
          })
        : { data: null, errors: document };
    try {
      // Written before the gateway sees the data: no answer leaves unrecorded.
      await this.runtime.flushAudit(subgraphContext);
    } catch (error) {
      // Nothing is served unrecorded either way; a database that is down says so (retry later).
      if (isDatabaseUnavailable(error)) {
        const unavailable = new DatabaseUnavailableError();
        return {
          data: null,
          errors: [{ message: unavailable.message, extensions: { code: unavailable.code } }],
        };
      }
      this.onUnexpected(error);
      return { data: null, errors: [AUDIT_UNAVAILABLE] };
    }
    return {
      data: result.data as Record<string, unknown> | null | undefined,
      ...(result.errors
        ? {
            errors: result.errors.map((raw) => {
              const error = asUserInputError(raw);
              return formatError(error.toJSON(), error, this.onUnexpected);
            }),
          }
        : {}),
    };
  }
}

/**
 * The supergraph passes custom scalars (LocalDate…) through unparsed, so a malformed value is first
 * refused when the subgraph coerces the variables. Apollo Server would mark that BAD_USER_INPUT;
 * plain `graphql()` does not, so mark it here — it is the caller's mistake, not an internal error.
 */
function asUserInputError(error: GraphQLError): GraphQLError {
  const coercion = error.path === undefined && error.extensions?.code === undefined;
  const fromCode = error.originalError !== undefined && !(error.originalError instanceof GraphQLError);
  if (!coercion || fromCode) return error;
  return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
}
