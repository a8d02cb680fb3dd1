import type { EntityManager } from '@mikro-orm/postgresql';
import { InteragencyRequest, InteragencySubject } from './interagency-request.entity.js';

/**
 * The person's active medical contraindication on a day (001 §3 д, order 202н): the latest medical
 * conclusion answered by that day found contraindications. Social knows it from the answer the
 * owning ministry gave in the graph (or the coordinator marked from the paper conclusion), never
 * from health's tables. A later conclusion without contraindications lifts it.
 */
export function activeContraindicationAmong(
  requests: readonly InteragencyRequest[],
  onDate: string,
): InteragencyRequest | null {
  const latest = requests
    .filter(
      (r) =>
        r.subject === InteragencySubject.MEDICAL_CONCLUSION &&
        r.answeredOn !== null &&
        r.answeredOn <= onDate &&
        r.contraindicationsPresent !== null,
    )
    .sort(
      (a, b) => b.answeredOn!.localeCompare(a.answeredOn!) || b.createdAt.getTime() - a.createdAt.getTime(),
    )[0];
  return latest?.contraindicationsPresent ? latest : null;
}

/** The same, read for one person inside a transaction (the grant decision). */
export async function activeContraindicationOf(
  em: EntityManager,
  recipientId: string,
  onDate: string,
): Promise<InteragencyRequest | null> {
  const requests = await em.find(InteragencyRequest, {
    recipientId,
    subject: InteragencySubject.MEDICAL_CONCLUSION,
  });
  return activeContraindicationAmong(requests, onDate);
}
