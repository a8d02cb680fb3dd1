import { isUuid } from '@sl/core';
import type { Express, Request, Response } from 'express';

const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  NOT_CASE_COORDINATOR: 403,
};

const QUERY = `query EvidenceDownload($id: ID!) {
  evidenceFile(id: $id) { id displayName mediaType size contentBase64 }
}`;

function fail(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * `Content-Disposition` for a name typed by a user (often Cyrillic): an ASCII fallback for old
 * clients and the exact name in RFC 5987 `filename*`; quotes and line breaks cannot break out.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The fields every downloadable file answers with (a file type may alias its name to `displayName`). */
interface GraphFile {
  displayName: string;
  mediaType: string;
  contentBase64: string;
}

/**
 * Answers a `GET` of a file with what the graph says of it: the file is asked of this very gateway
 * with the caller's own Authorization header, so the graph's rules (authentication, the roles and
 * row rules that may read it, the audit of the read, limits) apply unchanged and the subgraph that
 * owns the file, wherever it runs, answers for its own data. `query` takes `$id` and selects the
 * file as its one root field.
 */
export async function sendGraphFile(
  req: Request,
  res: Response,
  operationName: string,
  query: string,
): Promise<void> {
  const authorization = req.header('authorization');
  if (!authorization) return fail(res, 401, 'UNAUTHENTICATED', 'Требуется вход в систему');
  const id = String(req.params.id);
  if (!isUuid(id)) return fail(res, 400, 'ID_INVALID', 'Неверный идентификатор файла');
  const host = req.socket.localAddress?.includes(':')
    ? `[${req.socket.localAddress}]`
    : req.socket.localAddress;
  const answer = await fetch(`http://${host}:${req.socket.localPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ operationName, query, variables: { id } }),
  });
  const body = (await answer.json()) as {
    data?: Record<string, GraphFile | null> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const error = body.errors?.[0];
  const file = body.data ? Object.values(body.data)[0] : null;
  if (error || !file) {
    const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    return fail(res, HTTP_STATUS[code] ?? 500, code, error?.message ?? 'Файл не получен');
  }
  res
    .status(200)
    .type(file.mediaType)
    .setHeader('content-disposition', contentDisposition(file.displayName))
    .setHeader('x-content-type-options', 'nosniff')
    .setHeader('cache-control', 'no-store')
    .send(Buffer.from(file.contentBase64, 'base64'));
}

/** `GET /evidence/:id`: an evidence file of a progress report, downloaded. */
export function mountEvidenceDownload(app: Express) {
  app.get('/evidence/:id', (req: Request, res: Response) =>
    sendGraphFile(req, res, 'EvidenceDownload', QUERY),
  );
}
