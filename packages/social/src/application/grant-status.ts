import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '@sl/core';
import { Decision } from './application.enums.js';

/** The person's latest decision and whether a termination (001 §17) followed it. */
export interface GrantStatus {
  applicationId: string;
  decision: Decision;
  decidedOn: string;
  terminated: boolean;
}

/**
 * One query, inside the caller's transaction: the latest decision in force of the person and whether
 * a termination in force followed it (annulled ones, issue 23, count for nothing).
 */
export async function grantStatusOf(tx: EntityManager, recipientId: string): Promise<GrantStatus | null> {
  const [row] = (await tx.getConnection().execute(
    `select g.id, g.decision, to_char(g.decided_on, 'YYYY-MM-DD') as decided_on,
       exists (select 1 from social.termination t
               where t.recipient_id = g.recipient_id and t.effective_on >= g.decided_on
                 and t.annulled_at is null) as terminated
     from social.application g
     where g.recipient_id = ? and g.status = 'DECIDED' and g.decision_annulled_at is null
     order by g.decided_on desc, g.created_at desc limit 1`,
    [recipientId],
    'all',
    tx.getTransactionContext(),
  )) as { id: string; decision: Decision; decided_on: string; terminated: boolean }[];
  return row
    ? { applicationId: row.id, decision: row.decision, decidedOn: row.decided_on, terminated: row.terminated }
    : null;
}

/**
 * Seed 001 §13 е, §14: supported living — its stages, its housing, its termination — exists only
 * under a grant in force: the person's latest decision is a grant and no termination followed it.
 * `what` names the step refused, for the message ("Подготовительный этап", "Заселение", …).
 */
export async function assertGrantInForce(
  tx: EntityManager,
  recipientId: string,
  what: string,
  field: string,
): Promise<GrantStatus> {
  const status = await grantStatusOf(tx, recipientId);
  if (status?.decision === Decision.GRANTED && !status.terminated) return status;
  throw new ConflictError(
    'DECISION_NOT_GRANTED',
    status?.decision === Decision.GRANTED
      ? `Участие прекращено после решения от ${status.decidedOn}: ${what} — только по новому решению о предоставлении сопровождаемого проживания`
      : `${what} — только после решения о предоставлении сопровождаемого проживания (001 §13 «е», §14)`,
    { field, decision: status?.decision ?? null },
  );
}
