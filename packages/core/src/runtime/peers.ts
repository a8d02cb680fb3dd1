import { execute, type GraphQLSchema, parse } from 'graphql';
import { ACTOR_HEADER, OPERATION_HEADER, signActorAssertion } from '../access/actor-assertion.js';
import { type Config, type SubgraphName, subgraphServiceUrl } from '../config/config.js';
import type { BaseContext, SubgraphContext } from '../context.js';
import { AppError } from '../errors/errors.js';

/**
 * How a subgraph asks another one something, through the graph and never through its tables: the
 * other subgraph's own GraphQL API, as the same caller (so its own access rules and audit apply).
 * In one process that is the other runtime's schema; a separately deployed one is reached at its
 * `<SUBGRAPH>_URL` with an actor assertion, as the gateway reaches it.
 */
export interface Peers {
  query<T>(
    subgraph: SubgraphName,
    query: string,
    variables: Record<string, unknown>,
    caller: BaseContext,
  ): Promise<T>;
}

const unavailable = (subgraph: SubgraphName) =>
  new AppError(
    'SUBGRAPH_UNAVAILABLE',
    'Не удалось проверить сведения в другом ведомстве: сервис недоступен. Повторите позже.',
    { service: subgraph },
  );

interface Answer {
  data?: unknown;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

function unwrap<T>(answer: Answer): T {
  const error = answer.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    throw new AppError(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR', error.message);
  }
  return answer.data as T;
}

/** What peers need of a subgraph served in this process (a SubgraphRuntime is one). */
export interface LocalSubgraph {
  schema: GraphQLSchema;
  contextFor(base: BaseContext): SubgraphContext;
  flushAudit(context: SubgraphContext): Promise<void>;
}

export function createPeers(
  config: Config,
  secret: string,
  local: ReadonlyMap<SubgraphName, LocalSubgraph>,
): Peers {
  return {
    async query<T>(
      subgraph: SubgraphName,
      query: string,
      variables: Record<string, unknown>,
      caller: BaseContext,
    ) {
      const runtime = local.get(subgraph);
      if (runtime) {
        const context = runtime.contextFor({
          requestId: caller.requestId,
          actor: caller.actor,
          clock: caller.clock,
          logger: caller.logger,
          ...(caller.ip ? { ip: caller.ip } : {}),
          ...(caller.operationName ? { operationName: caller.operationName } : {}),
        });
        const result = await execute({
          schema: runtime.schema,
          document: parse(query),
          variableValues: variables,
          contextValue: context,
        });
        await runtime.flushAudit(context);
        return unwrap<T>(result as Answer);
      }
      const url = subgraphServiceUrl(config, subgraph);
      if (!url || !caller.actor) throw unavailable(subgraph);
      let answer: Answer;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [ACTOR_HEADER]: await signActorAssertion(caller.actor, secret, caller.requestId),
            ...(caller.operationName ? { [OPERATION_HEADER]: caller.operationName } : {}),
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(10_000),
        });
        answer = (await response.json()) as Answer;
      } catch {
        throw unavailable(subgraph);
      }
      return unwrap<T>(answer);
    },
  };
}
