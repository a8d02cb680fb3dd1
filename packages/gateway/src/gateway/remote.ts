import { ACTOR_HEADER, AppError, type BaseContext, OPERATION_HEADER, signActorAssertion } from '@sl/core';

/** What a coordinator calls each part of the graph, for the message when one cannot be reached. */
const SUBGRAPH_LABELS: Record<string, string> = {
  social: 'социальной защиты',
  health: 'здравоохранения',
  education: 'образования',
  employment: 'занятости',
  coordination: 'дорожных карт и Совета',
  access: 'учётных записей',
};

/**
 * A subgraph that cannot be reached costs only its own fields: the gateway answers the rest and
 * names the missing part with a stable code, instead of a network error with addresses in it.
 */
export function subgraphUnavailable(name: string): AppError {
  const label = SUBGRAPH_LABELS[name] ?? name;
  return new AppError(
    'SUBGRAPH_UNAVAILABLE',
    `Сведения ${label} сейчас недоступны; остальные данные показаны. Повторите запрос позже.`,
    { service: name },
  );
}

/**
 * The headers a separately deployed subgraph gets. The caller's credentials stay at the gateway;
 * the subgraph learns who is asking from a short-lived assertion signed with SESSION_SECRET.
 */
export async function forwardedHeaders(
  base: Partial<BaseContext>,
  secret: string,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  if (base.requestId) headers['x-request-id'] = base.requestId;
  if (base.operationName) headers[OPERATION_HEADER] = base.operationName;
  if (base.actor) headers[ACTOR_HEADER] = await signActorAssertion(base.actor, secret, base.requestId ?? '');
  return headers;
}
