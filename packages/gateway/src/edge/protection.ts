import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type BaseContext, type Config } from '@sl/core';
import type { Express } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { QueryLimitError, sendGraphQLError } from './graphql-http.js';

/**
 * Limits on what one query may ask for (graphql-armor): depth, estimated cost, aliases and
 * directives, each refused with its own code and the configured value (`QUERY_TOO_DEEP`, …) instead
 * of armor's "Syntax Error:" validation failure. Tokens are counted before parsing
 * (`mountGraphQLHttp`); batched HTTP requests stay off (Apollo's default), page sizes are capped
 * by the connections themselves.
 */
export function queryLimits(config: Config): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<BaseContext>[];
} {
  const refuse = (code: string, message: string, limit: number) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null) =>
        context?.reportError(
          new GraphQLError(message, { originalError: new QueryLimitError(code, message, limit) }),
        ),
    ],
  });
  const armor = new ApolloArmor({
    maxDepth: {
      n: config.QUERY_MAX_DEPTH,
      ignoreIntrospection: true,
      ...refuse(
        'QUERY_TOO_DEEP',
        `Запрос слишком глубокий: не более ${config.QUERY_MAX_DEPTH} уровней вложенности.`,
        config.QUERY_MAX_DEPTH,
      ),
    },
    costLimit: {
      maxCost: config.QUERY_MAX_COST,
      ignoreIntrospection: true,
      ...refuse(
        'QUERY_TOO_COSTLY',
        `Запрос слишком сложный: оценка стоимости выше ${config.QUERY_MAX_COST}.`,
        config.QUERY_MAX_COST,
      ),
    },
    maxAliases: {
      n: config.QUERY_MAX_ALIASES,
      ...refuse(
        'QUERY_TOO_MANY_ALIASES',
        `Слишком много псевдонимов в запросе: не более ${config.QUERY_MAX_ALIASES}.`,
        config.QUERY_MAX_ALIASES,
      ),
    },
    maxTokens: { enabled: false },
    maxDirectives: {
      n: MAX_DIRECTIVES,
      ...refuse(
        'QUERY_TOO_MANY_DIRECTIVES',
        `Слишком много директив в запросе: не более ${MAX_DIRECTIVES}.`,
        MAX_DIRECTIVES,
      ),
    },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  });
  const { validationRules, plugins } = armor.protect();
  return { validationRules, plugins: plugins as ApolloServerPlugin<BaseContext>[] };
}

/** Directives one query may use (`@include`/`@skip` per optional part are plenty). */
export const MAX_DIRECTIVES = 20;

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Per-client rate limit on /graphql: a signed-in caller is counted by its token, an anonymous one
 * (who can only sign in) by its address. Over the limit: HTTP 429 with a GraphQL-shaped error.
 */
export function mountRateLimit(app: Express, config: Config): void {
  app.use(
    '/graphql',
    rateLimit({
      windowMs: 60_000,
      limit: config.RATE_LIMIT_PER_MINUTE,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      // The policy's name in `RateLimit`/`RateLimit-Policy`: one fixed name, whatever the limit.
      identifier: 'default',
      keyGenerator: (req) => {
        const authorization = req.header('authorization');
        return authorization ? `token:${hash(authorization)}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
      },
      handler: (req, res) => {
        sendGraphQLError(
          req,
          res,
          429,
          'RATE_LIMITED',
          'Слишком много запросов. Подождите минуту и повторите.',
          {
            limit: config.RATE_LIMIT_PER_MINUTE,
          },
        );
      },
    }),
  );
}

/**
 * Names the operation for the audit log, and holds an API client restricted to trusted documents
 * to the exact queries registered for it (compared by SHA-256 of the document text).
 */
export const operationPolicy: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ source, contextValue, operationName }) {
        contextValue.operationName = (operationName ?? 'anonymous').slice(0, 200);
        const allowed = contextValue.actor?.allowedOperations;
        if (allowed && !allowed.includes(hash(source))) {
          throw new GraphQLError(
            'Эта операция не разрешена для вашей системы. Зарегистрируйте её у администратора.',
            {
              extensions: { code: 'OPERATION_NOT_ALLOWED', http: { status: 403 } },
            },
          );
        }
      },
    };
  },
};
