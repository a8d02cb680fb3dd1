import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * A failure the caller can act on. `code` is stable (clients branch on it); `message` is Russian,
 * written for a coordinator; `field` names the input that caused it so the dashboard can show the
 * message beside that field.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    field?: string,
    code = 'VALIDATION_FAILED',
    extra: Record<string, unknown> = {},
  ) {
    super(code, message, { ...(field ? { field } : {}), ...extra });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} не найден(а): ${id}`, { id });
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Недостаточно прав для этого действия') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Требуется вход в систему') {
    super('UNAUTHENTICATED', message);
  }
}

const INTERNAL_MESSAGE = 'Внутренняя ошибка сервера. Попробуйте ещё раз или обратитесь к администратору.';

/** Codes GraphQL itself (or Apollo) assigns that are safe to pass through with their message. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

interface ClassValidatorError {
  property: string;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

function flattenValidation(errors: ClassValidatorError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/**
 * The single mapping from thrown errors to what a client sees. Known errors keep their code and
 * message; everything else becomes INTERNAL_SERVER_ERROR with a generic message, so SQL, stack
 * traces and internals never leave the server (they are logged by `onUnexpected`).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onUnexpected: (error: unknown) => void = () => {},
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const path = formatted.path;
  if (original instanceof AppError) {
    return { message: original.message, path, extensions: { code: original.code, ...original.details } };
  }
  // type-graphql's ArgumentValidationError carries class-validator's errors.
  // type-graphql 2 keeps class-validator's errors in `extensions.validationErrors`.
  const carrier = original as
    | { validationErrors?: ClassValidatorError[]; extensions?: { validationErrors?: ClassValidatorError[] } }
    | undefined;
  const validation = carrier?.validationErrors ?? carrier?.extensions?.validationErrors;
  if (Array.isArray(validation)) {
    const fields = flattenValidation(validation);
    return {
      message: fields.map((f) => f.message).join('; ') || 'Неверные данные',
      path,
      extensions: { code: 'VALIDATION_FAILED', field: fields[0]?.field, fields },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path, extensions: { code } };
  }
  // Errors that already went through a subgraph's formatter arrive at the gateway as plain
  // GraphQLErrors carrying our code; keep them. A masked one was logged where it happened.
  const fromDownstream = !(original instanceof Error) || original instanceof GraphQLError;
  if (typeof code === 'string' && fromDownstream) {
    if (code === 'INTERNAL_SERVER_ERROR') {
      // Only the gateway's wrapping of a subgraph's answer names the service; our own code-less
      // GraphQLErrors (which Apollo also marks INTERNAL_SERVER_ERROR) are still logged below.
      if (formatted.extensions?.serviceName !== undefined) {
        return { message: INTERNAL_MESSAGE, path, extensions: { code } };
      }
    } else {
      // Which service failed is an internal detail.
      const { stacktrace: _s, exception: _e, serviceName: _n, ...rest } = formatted.extensions ?? {};
      return { message: formatted.message, path, extensions: { ...rest, code } };
    }
  }
  onUnexpected(error);
  return { message: INTERNAL_MESSAGE, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
