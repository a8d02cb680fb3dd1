import type { EntityManager } from '@mikro-orm/postgresql';
import { InteragencyRequest, InteragencySubject } from './interagency-request.entity.js';

/**
 * The person's active medical contraindication on a day (001 §3 д, order 202н): the latest medical
 * conclusion answered by that day found contraindications. Social knows it from the answer the
 * owning ministry gave in the graph (or the coordinator marked from the paper conclusion), never
 * from health's tables. A later conclusion without contraindications lifts it.
 */
export async function activeContraindicationOf(
  em: EntityManager,
  recipientId: string,
  onDate: string,
): Promise<InteragencyRequest | null> {
  const latest = await em.findOne(
    InteragencyRequest,
    {
      recipientId,
      subject: InteragencySubject.MEDICAL_CONCLUSION,
      answeredOn: { $lte: onDate },
      contraindicationsPresent: { $ne: null },
    },
    { orderBy: { answeredOn: 'desc', createdAt: 'desc' } },
  );
  return latest?.contraindicationsPresent ? latest : null;
}
