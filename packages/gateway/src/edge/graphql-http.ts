import type { ApolloServerPlugin } from '@apollo/server';
import {
  API_VERSION,
  API_VERSION_HEADER,
  AppError,
  type BaseContext,
  type Config,
  EDGE_MESSAGES,
  jsonBody,
  NulCharacterError,
} from '@sl/core';
import cors from 'cors';
import type { ErrorRequestHandler, Express, Request, Response } from 'express';
import {
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  Kind,
  Lexer,
  type OperationDefinitionNode,
  Source,
  TokenKind,
  ValuesOfCorrectTypeRule,
  validate,
} from 'graphql';
import Negotiator from 'negotiator';

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
const APPLICATION_JSON = 'application/json';

/**
 * Whether the client prefers the GraphQL-over-HTTP media type to plain JSON, decided as Apollo
 * Server decides the answer's Content-Type (the same library, the same candidates in the same
 * order), so the status always matches the type the answer carries.
 */
export function prefersGraphQLResponse(accept: string | undefined): boolean {
  if (!accept) return false;
  return (
    new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ===
    GRAPHQL_RESPONSE_JSON
  );
}

/** A GraphQL-shaped refusal sent before GraphQL runs, in the media type the client accepts. */
export function sendGraphQLError(
  req: Request,
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  const type = prefersGraphQLResponse(req.header('accept')) ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
  res
    .status(status)
    .type(`${type}; charset=utf-8`)
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

/** How many lexical tokens the document has, counting no further than `max + 1`. */
export function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && count <= max; token = lexer.advance())
      count += 1;
  } catch {
    // A syntax error: the parser reports it as GRAPHQL_PARSE_FAILED.
  }
  return count;
}

/**
 * The HTTP side of `/graphql` before Apollo: only `application/json` bodies (415 otherwise), the body
 * size limit (413) and broken JSON (400) answered as GraphQL errors with a code instead of Express's
 * HTML pages, and the token limit counted before anything parses the document.
 */
export function mountGraphQLHttp(app: Express, config: Config): void {
  app.use('/graphql', (req, res, next) => {
    // GET would let any page a signed-in user opens send queries cross-site (CSRF): POST only. A
    // browser asking for a page still gets the landing page outside production.
    if (
      req.method === 'GET' &&
      req.accepts([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, 'text/html']) !== 'text/html'
    ) {
      res.setHeader('Allow', 'POST');
      return sendGraphQLError(
        req,
        res,
        405,
        'METHOD_NOT_ALLOWED',
        'Запросы к графу отправляются методом POST.',
      );
    }
    if (req.method !== 'POST' || req.is('application/json')) return next();
    sendGraphQLError(
      req,
      res,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Запрос к графу отправляется методом POST с телом в формате JSON (Content-Type: application/json).',
    );
  });
  // core's parser: it also refuses a NUL character, which PostgreSQL text cannot hold.
  app.use('/graphql', jsonBody(config.MAX_BODY_BYTES));
  const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, req, res, next) => {
    if (error instanceof NulCharacterError) {
      sendGraphQLError(req, res, 400, 'VALIDATION_FAILED', EDGE_MESSAGES.VALIDATION_FAILED!);
    } else if (error.type === 'entity.too.large') {
      sendGraphQLError(
        req,
        res,
        413,
        'REQUEST_TOO_LARGE',
        `Запрос слишком велик: не более ${config.MAX_BODY_BYTES} байт.`,
        { limit: config.MAX_BODY_BYTES },
      );
    } else if (error.status !== undefined && error.status >= 400 && error.status < 500) {
      sendGraphQLError(req, res, 400, 'BAD_REQUEST', 'Тело запроса не является правильным JSON.');
    } else {
      next(error);
    }
  };
  app.use('/graphql', bodyErrors);
  app.use('/graphql', (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || countTokens(query, config.QUERY_MAX_TOKENS) <= config.QUERY_MAX_TOKENS)
      return next();
    sendGraphQLError(
      req,
      res,
      requestErrorStatus(req.header('accept')),
      'QUERY_TOO_MANY_TOKENS',
      `Запрос слишком длинный: не более ${config.QUERY_MAX_TOKENS} лексем.`,
      { limit: config.QUERY_MAX_TOKENS },
    );
  });
}

/**
 * Request errors: the document was refused before anything ran (it does not parse or validate, its
 * variables do not coerce, the operation named is not in it, or it exceeds a query limit). The
 * specification sets their status by media type; refusals of the HTTP request or of the caller
 * (400 BAD_REQUEST, 401, 403, 405, 413, 415, 429) keep theirs under both.
 */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_MANY_ALIASES',
  'QUERY_TOO_MANY_DIRECTIVES',
  'QUERY_TOO_MANY_TOKENS',
]);

/**
 * The status of a request error: 400 under `application/graphql-response+json`, 200 under the
 * legacy `application/json` (the specification's compatibility rule: a legacy client reads the
 * body only on 200, and every answer to a well-formed request is 200 there).
 */
export function requestErrorStatus(accept: string | null | undefined): 400 | 200 {
  return prefersGraphQLResponse(accept ?? undefined) ? 400 : 200;
}

/** Request errors answered by Apollo get the status of the media type the client accepts. */
export const specificationStatus: ApolloServerPlugin<BaseContext> = {
  async requestDidStart({ request }) {
    const status = requestErrorStatus(request.http?.headers.get('accept'));
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data !== undefined || !errors?.length) return;
        if (errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code))))
          response.http.status = status;
      },
    };
  },
};

export function rootFieldsOf(operation: OperationDefinitionNode): string[] | null {
  const names: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    names.push(selection.name.value);
  }
  return names;
}

/**
 * A request without credentials may only sign in (and ask `__typename`, the API version or, outside
 * production, the schema): anything else is 401 before it runs, not a 200 with a refusal per field.
 * `publicFields` are `Query.x` / `Mutation.x` open to anyone (the access matrix's unguarded rows).
 */
export function credentialRequired(publicFields: ReadonlySet<string>): ApolloServerPlugin<BaseContext> {
  const type = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.actor || !operation) return;
          const fields = rootFieldsOf(operation);
          const open = fields?.every(
            (name) => name.startsWith('__') || publicFields.has(`${type[operation.operation]}.${name}`),
          );
          if (open) return;
          throw new GraphQLError(
            'Требуется вход в систему: передайте заголовок Authorization: Bearer <токен>.',
            {
              extensions: {
                code: 'UNAUTHENTICATED',
                http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
              },
            },
          );
        },
      };
    },
  };
}

/**
 * A document without the operation asked for is the caller's mistake (400), and the supergraph
 * passes custom scalars (LocalDate) through to the subgraphs unparsed, so a bad date
 * was refused only there, as a field error with status 200, while a bad Int was refused here with
 * 400. Coerce variables and check literals against the public schema with the real scalars, so
 * every malformed value is refused the same way, before anything runs.
 */
export function scalarCoercion(apiSchema: GraphQLSchema): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          // The gateway's executor would fail on it as an internal error (500).
          if (!operation) {
            throw new GraphQLError(
              request.operationName
                ? `В документе нет операции с именем «${request.operationName}».`
                : 'В документе несколько операций: укажите operationName.',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
            );
          }
          const literal = validate(apiSchema, document, [ValuesOfCorrectTypeRule]);
          if (literal.length > 0) {
            throw new GraphQLError(literal[0]!.message, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          const coerced = getVariableValues(
            apiSchema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (coerced.errors?.length) {
            throw new GraphQLError(coerced.errors[0]!.message, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** A limit the query exceeded, with its own code and the configured value. */
export class QueryLimitError extends AppError {
  constructor(code: string, message: string, limit: number) {
    super(code, message, { limit });
  }
}

export const API_SCHEMA_PATH = '/schema/api.graphql';

/**
 * The public contract: every answer names the API version in a header, and the schema clients
 * generate code from is served as SDL at `/schema/api.graphql` (also in production, where
 * introspection is off).
 */
export function mountApiContract(app: Express, apiSdl: string): void {
  app.use((_req, res, next) => {
    res.setHeader(API_VERSION_HEADER, API_VERSION);
    next();
  });
  app.get(API_SCHEMA_PATH, (_req, res) => {
    res.type('text/plain; charset=utf-8').send(apiSdl);
  });
}

/**
 * Browsers may call the graph from partners' web applications only at the origins listed in
 * `CORS_ORIGINS`; with none (the default) no cross-origin header is sent and browsers refuse.
 * The headers a client needs (request id, version, rate limit) are readable by those scripts.
 */
export function mountCors(app: Express, origins: readonly string[]): void {
  if (origins.length === 0) return;
  app.use(
    '/graphql',
    cors({
      origin: [...origins],
      methods: ['POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'X-Request-Id', 'Idempotency-Key'],
      exposedHeaders: ['X-Request-Id', API_VERSION_HEADER, 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
      maxAge: 600,
    }),
  );
}
