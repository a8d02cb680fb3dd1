import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { SubgraphContext } from '../context.js';
import type { Logger } from '../logging/logger.js';
import { AUDIT_UNAVAILABLE_MESSAGE } from './audit-writer.js';

export const AUDIT_UNAVAILABLE: GraphQLFormattedError = {
  message: AUDIT_UNAVAILABLE_MESSAGE,
  extensions: { code: 'AUDIT_UNAVAILABLE' },
};

/**
 * Writes a subgraph request's audit trail before its answer leaves; if the trail cannot be written
 * the answer is replaced by an error, so no data is served unrecorded.
 */
export function auditPlugin(
  flush: (context: SubgraphContext) => Promise<void>,
  logger: Logger,
): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          contextValue.operationName ??= operationName ?? 'anonymous';
        },
        async willSendResponse({ contextValue, response }) {
          try {
            await flush(contextValue);
          } catch (err) {
            logger.error({ err, requestId: contextValue.requestId }, 'audit trail could not be written');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [AUDIT_UNAVAILABLE];
            }
          }
        },
      };
    },
  };
}
