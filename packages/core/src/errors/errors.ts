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

  /**
   * The person a refusal is about, when only the service knows it (a visit's person, an
   * assessment's): the audit log records it; it never leaves in the error (the caller may not
   * know whose record it was).
   */
  person: string | null = null;

  about(recipientId: string): this {
    this.person = recipientId;
    return this;
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

/** A write about a person who is not registered (social's `Recipient`): nothing is attached to nobody. */
export class RecipientNotFoundError extends AppError {
  constructor(id: string, field = 'recipientId') {
    super('RECIPIENT_NOT_FOUND', `Получатель не найден: ${id}`, { field, id });
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

export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';
const DATABASE_UNAVAILABLE_MESSAGE =
  'База данных временно недоступна. Повторите действие через минуту; если ошибка повторяется, обратитесь к администратору.';

/** Connection-level failures: class 08, and the server shutting down, crashed or still starting. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/**
 * True when the error (or its cause) says the database cannot be reached, as opposed to a query
 * it refused: the caller may retry, and nothing about the data is wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const { code, name, message, cause } = e as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (name === 'ConnectionException') return true;
    if (typeof code === 'string') {
      if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))
        return true;
    }
    if (
      typeof message === 'string' &&
      /Connection terminated|connect ECONNREFUSED|connection error and is not queryable|the database system is (starting up|shutting down|in recovery mode)/.test(
        message,
      )
    ) {
      return true;
    }
    e = cause ?? (e as { originalError?: unknown }).originalError;
  }
  return false;
}

/** The database is down or restarting: the request may be retried. */
export class DatabaseUnavailableError extends AppError {
  constructor() {
    super(DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE);
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
  // type-graphql 2 puts them in the error's extensions; older versions on the error itself.
  const validation =
    (original as { validationErrors?: ClassValidatorError[] } | undefined)?.validationErrors ??
    (original instanceof GraphQLError
      ? (original.extensions?.validationErrors as ClassValidatorError[] | undefined)
      : undefined);
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
  if (isDatabaseUnavailable(original)) {
    return { message: DATABASE_UNAVAILABLE_MESSAGE, path, extensions: { code: DATABASE_UNAVAILABLE } };
  }
  onUnexpected(error);
  return { message: INTERNAL_MESSAGE, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
