import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IDEMPOTENCY_LEASE_MS, IdempotencyService } from '@sl/access';
import {
  type Clock,
  type Config,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  jsonBody,
  type Logger,
} from '@sl/core';
import type { Express, Response } from 'express';
import { type OperationDefinitionNode, parse, print } from 'graphql';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Answers worth replaying are final ones; these say "try again", so a retry must run again. */
const RETRYABLE_CODES = new Set([
  'DATABASE_UNAVAILABLE',
  'SUBGRAPH_UNAVAILABLE',
  'AUDIT_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'RATE_LIMITED',
]);

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function fail(
  res: Response,
  status: number,
  code: string,
  message: string,
  retryAfterSeconds?: number,
): void {
  if (retryAfterSeconds !== undefined) res.set('retry-after', String(retryAfterSeconds));
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** JSON with every object's keys sorted: the same value, however the client ordered or spaced it. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What makes two requests the same request: the query as parsed (spacing, commas and comments do
 * not count), the variables as JSON values (key order does not count) and the operation name.
 */
export function requestFingerprint(query: string, variables: unknown, operationName: unknown): string {
  let document = query;
  try {
    document = print(parse(query));
  } catch {
    // Unparsable: Apollo refuses it anyway; the text itself identifies it.
  }
  return sha256(canonicalJson([document, variables ?? null, operationName ?? null]));
}

function isMutation(query: string, operationName: unknown): boolean {
  try {
    const operations = parse(query).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    const chosen =
      typeof operationName === 'string'
        ? operations.find((o) => o.name?.value === operationName)
        : operations[0];
    return chosen?.operation === 'mutation';
  } catch {
    return false; // Apollo answers the syntax error itself.
  }
}

function isFinal(status: number, body: string): boolean {
  if (status >= 500 || status === 401 || status === 429) return false;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    return !(parsed.errors ?? []).some((e) => RETRYABLE_CODES.has(String(e.extensions?.code)));
  } catch {
    return false;
  }
}

/**
 * `Idempotency-Key` on a mutation: a partner system that retries after a timeout gets the first
 * answer back instead of creating the record twice. Keys belong to the caller's credentials; the
 * same key with another request is refused; a copy sent while the first still runs is told so.
 * The answer is stored right after the mutation commits (not in its transaction, which lives in
 * the subgraphs): if the gateway or its database fails in between, the key's lease lapses within
 * IDEMPOTENCY_LEASE_MS, a retry runs the mutation again, and the domain's own uniqueness rules
 * (СНИЛС, one open place per person…) still hold. Until then a retry is told to wait, with
 * `Retry-After`; it is never held off for longer than the lease.
 */
export function mountIdempotency(
  app: Express,
  options: { em: () => EntityManager; config: Config; clock: Clock; logger: Logger },
): void {
  const { config, clock, logger } = options;
  let lastPurge = 0;
  app.use('/graphql', jsonBody(config.MAX_BODY_BYTES), async (req, res, next) => {
    const key = req.header(IDEMPOTENCY_HEADER);
    const authorization = req.header('authorization');
    if (key === undefined || !authorization) return next();
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      return fail(
        res,
        400,
        'IDEMPOTENCY_KEY_INVALID',
        'Ключ идемпотентности (Idempotency-Key) — от 1 до 255 печатных латинских символов без пробелов.',
      );
    }
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (typeof body?.query !== 'string' || !isMutation(body.query, body.operationName)) return next();

    const caller = sha256(authorization);
    const requestHash = requestFingerprint(body.query, body.variables, body.operationName);
    const service = new IdempotencyService(options.em(), config.IDEMPOTENCY_KEEP_HOURS);
    const now = clock.now();
    try {
      if (now.getTime() - lastPurge > 3_600_000) {
        lastPurge = now.getTime();
        await service.purgeExpired(now);
      }
      const claim = await service.claim(caller, key, requestHash, now);
      if (claim.kind === 'key-reused') {
        return fail(
          res,
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'Этот ключ идемпотентности уже использован для другого запроса. Для нового действия нужен новый ключ.',
        );
      }
      if (claim.kind === 'in-progress') {
        return fail(
          res,
          409,
          'IDEMPOTENCY_IN_PROGRESS',
          'Запрос с этим ключом ещё выполняется. Повторите его через несколько секунд, чтобы получить ответ.',
          claim.retryAfterSeconds,
        );
      }
      if (claim.kind === 'replay') {
        res
          .status(claim.status)
          .set('idempotent-replayed', 'true')
          .type('application/json')
          .send(claim.response);
        return;
      }
    } catch (error) {
      if (!isDatabaseUnavailable(error)) return next(error);
      const unavailable = new DatabaseUnavailableError();
      return fail(res, 503, unavailable.code, unavailable.message, Math.ceil(IDEMPOTENCY_LEASE_MS / 1000));
    }

    // The key stays this request's while it runs; if this process or its database fails, the
    // renewals stop and the key is free again within the lease.
    const renewal = setInterval(() => {
      service
        .renew(caller, key, clock.now())
        .catch((error: unknown) => logger.warn({ err: error }, 'could not renew an idempotency lease'));
    }, IDEMPOTENCY_LEASE_MS / 2);
    renewal.unref();

    // The answer is recorded once the mutation has answered, even if the caller hung up before
    // (a timeout): its retry must get this answer, not run the mutation a second time.
    let answer: string | null = null;
    let recorded: Promise<void> | null = null;
    const record = (): Promise<void> => {
      clearInterval(renewal);
      recorded ??= (
        answer !== null && isFinal(res.statusCode, answer)
          ? service.complete(caller, key, res.statusCode, answer)
          : service.release(caller, key)
      ).catch((error: unknown) => logger.error({ err: error }, 'could not record an idempotent answer'));
      return recorded;
    };
    const send = res.send.bind(res);
    res.send = (payload?: unknown) => {
      if (typeof payload === 'string') answer = payload;
      else if (Buffer.isBuffer(payload)) answer = payload.toString('utf8');
      // Stored before it leaves: a retry sent the moment this answer arrives finds it, rather
      // than the key still taken (IDEMPOTENCY_IN_PROGRESS).
      void record().then(() => send(payload));
      return res;
    };
    // An answer written without send() (an error page) is not final: the key is freed.
    res.on('finish', () => void record());
    next();
  });
}
