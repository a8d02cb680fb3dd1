import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { HttpError } from 'react-admin';

interface FieldProblem {
  field: string;
  message: string;
}

/** `snils` or `input.snils` → `snils`: form sources are the input's own fields. */
function formPath(field: string): string {
  return field.replace(/^input\./, '');
}

/**
 * Turns what the graph answered into the HttpError react-admin understands: 401 for
 * UNAUTHENTICATED (the auth provider then sends the user to the sign-in page), 403 for FORBIDDEN,
 * 400 with `body.errors` keyed by form field for validation errors (react-admin shows each message
 * under its field), the server's Russian message otherwise.
 */
export function toHttpError(error: unknown): HttpError {
  if (ServerError.is(error) && error.statusCode === 401) {
    return new HttpError('ra.notification.logged_out', 401);
  }
  if (CombinedGraphQLErrors.is(error) || (ServerError.is(error) && parseErrors(error.bodyText))) {
    const errors = CombinedGraphQLErrors.is(error)
      ? error.errors
      : (parseErrors((error as ServerError).bodyText) ?? []);
    const first = errors[0];
    const code = first?.extensions?.code;
    const message = first?.message ?? 'Ошибка';
    if (code === 'UNAUTHENTICATED') return new HttpError(message, 401);
    if (code === 'FORBIDDEN') return new HttpError(message, 403);
    if (code === 'PASSWORD_CHANGE_REQUIRED') return new HttpError(message, 403, { code });
    const fieldErrors: Record<string, string> = {};
    for (const e of errors) {
      const list = e.extensions?.fields;
      if (Array.isArray(list)) {
        for (const p of list as FieldProblem[]) {
          if (p && typeof p.field === 'string') fieldErrors[formPath(p.field)] ??= p.message;
        }
      }
      const field = e.extensions?.field;
      if (typeof field === 'string') fieldErrors[formPath(field)] ??= e.message;
    }
    if (Object.keys(fieldErrors).length > 0) {
      return new HttpError(message, 400, { errors: { ...fieldErrors, root: { serverError: message } } });
    }
    return new HttpError(message, code === 'NOT_FOUND' ? 404 : 400, { code });
  }
  if (ServerError.is(error)) return new HttpError(error.message, error.statusCode);
  return new HttpError(error instanceof Error ? error.message : 'Ошибка', 500);
}

function parseErrors(
  body: string | undefined,
): { message: string; extensions?: Record<string, unknown> }[] | null {
  if (!body) return null;
  try {
    const parsed = JSON.parse(body) as {
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
    return Array.isArray(parsed.errors) && parsed.errors.length > 0 ? parsed.errors : null;
  } catch {
    return null;
  }
}
