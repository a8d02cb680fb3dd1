import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import type { Clock } from '../clock.js';
import type { BaseContext } from '../context.js';
import { formatError } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';

export interface HttpServerOptions<TContext extends BaseContext> {
  logger: Logger;
  clock: Clock;
  production: boolean;
  maxBodyBytes: number;
  /** Either a schema (a subgraph alone) or a gateway. */
  schema?: GraphQLSchema;
  gateway?: GatewayInterface;
  /** Turns the edge context into what resolvers receive. */
  buildContext(base: BaseContext, req: Request): Promise<TContext> | TContext;
  ready(): Promise<boolean>;
  /** Mounted before the GraphQL route (e.g. the dashboard's static files). */
  extend?(app: Express): void;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Extra validation rules (the gateway's query limits). */
  validationRules?: ValidationRule[];
  /** Memory for parsed and validated documents (Apollo's default is 30 MiB). */
  documentCacheMiB?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Express;
  httpServer: http.Server;
  /** Stops taking new requests, waits for those in flight, then stops Apollo. */
  close(): Promise<void>;
}

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A client's request id is kept when it is 1–64 of these characters (a UUID, `sync-2026-01-15-0001`). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's id, as the edge set it on the answer (`X-Request-Id`). */
export function requestIdOf(res: Response): string {
  return String(res.locals.requestId);
}

const NUL_ESCAPE = Buffer.from('\\u0000');

/** A request body that carries a NUL character (refused as bad input by `jsonBody`). */
export class NulCharacterError extends Error {
  readonly status = 400;
}

export const EDGE_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: 'Текст содержит недопустимый нулевой символ (\\u0000): уберите его и повторите.',
  PAYLOAD_TOO_LARGE: 'Запрос слишком велик.',
  BAD_REQUEST: 'Неверный запрос: тело должно быть JSON-документом GraphQL.',
  INTERNAL_SERVER_ERROR: 'Внутренняя ошибка сервера. Попробуйте ещё раз или обратитесь к администратору.',
};

/**
 * The JSON body parser of `/graphql`, wherever it is mounted first (the gateway's idempotency edge
 * parses before GraphQL does). PostgreSQL text cannot hold a NUL character: it is refused here as
 * bad input, not later as a database failure; in JSON text it can only be written escaped.
 */
export function jsonBody(limit: number) {
  return express.json({
    limit,
    verify: (_req, _res, body) => {
      if (body.includes(NUL_ESCAPE)) throw new NulCharacterError();
    },
  });
}

/** The HTTP edge shared by the gateway and by a subgraph started on its own. */
export async function startHttpServer<TContext extends BaseContext>(
  options: HttpServerOptions<TContext>,
  listen: { port: number; host: string },
): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const log = options.logger;
  const apollo = new ApolloServer<TContext>({
    ...(options.gateway ? { gateway: options.gateway } : { schema: options.schema! }),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    ...(options.documentCacheMiB
      ? { documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: options.documentCacheMiB * 2 ** 20 }) }
      : {}),
    ...(options.validationRules ? { validationRules: options.validationRules } : {}),
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: (formatted, error) =>
      formatError(formatted, error, (err) => log.error({ err }, 'unexpected error in a request')),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Per-field tracing costs time on every request and nobody reads it here.
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.production
        ? [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginDisableSuggestions()]
        : []),
      ...(options.plugins ?? []),
    ],
    logger: log,
  });
  await apollo.start();

  // Every answer names its request: the client's id when it is one (it then finds the request in
  // our logs and audit), a fresh one otherwise, so logs never carry arbitrary client text.
  app.use((req, res, next) => {
    const given = req.header(REQUEST_ID_HEADER);
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // One line per answer, under the id the client quotes: what, how it ended, how long it took.
    const started = process.hrtime.bigint();
    // Taken now: routers mounted on a path rewrite `req.path` on the way.
    const { method, path } = req;
    res.on('finish', () => {
      const ms = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
      log.info({ requestId, method, path, status: res.statusCode, ms }, 'request');
    });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await options.ready().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  options.extend?.(app);
  app.use(
    '/graphql',
    jsonBody(options.maxBodyBytes),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(res);
        const base: BaseContext = {
          requestId,
          actor: null,
          clock: options.clock,
          logger: log.child({ requestId }),
          ...(req.ip ? { ip: req.ip } : {}),
        };
        return options.buildContext(base, req);
      },
    }),
  );

  // Last: whatever failed before GraphQL (a malformed or oversized body…) answers as GraphQL errors
  // do, with a code and a message, never Express's page with its stack trace and file paths.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown }).status;
    const code =
      error instanceof NulCharacterError
        ? 'VALIDATION_FAILED'
        : status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : typeof status === 'number' && status < 500
            ? 'BAD_REQUEST'
            : 'INTERNAL_SERVER_ERROR';
    if (code === 'INTERNAL_SERVER_ERROR') log.error({ err: error }, 'unexpected error at the HTTP edge');
    res
      .status(typeof status === 'number' ? status : 500)
      .json({ errors: [{ message: EDGE_MESSAGES[code], extensions: { code } }] });
  });

  await new Promise<void>((resolve) => httpServer.listen(listen.port, listen.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    app,
    httpServer,
    close: () => apollo.stop(),
  };
}
