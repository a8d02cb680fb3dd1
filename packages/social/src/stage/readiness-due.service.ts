import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ConnectionShape,
  connectionOf,
  encodeCursor,
  type PageRequest,
  planPage,
  sqlKeyset,
  ValidationError,
} from '@sl/core';
import { deadlineParams, PARAMS_CTE, READINESS_WINDOWS } from '../deadlines/deadline.sources.js';
import { callerNarrowingSql, type PersonCondition } from '../recipient/recipient.narrowing.js';
import type { RuleSet } from '../rules/rule-set.js';
import { type ReadinessReviewDue, ReadinessReviewDueStatus } from './readiness-due.model.js';

const SIGNATURE = 'readinessReviewsDue:dueFrom,stageId';

/**
 * Open training stages whose next readiness review window (seed 002 §15.2) opens by
 * `today + horizonDays`, or closed without a review. Stages with a READY review (next step: the
 * main stage) or with every review used are not listed. The windows are the deadlines' own
 * definition (`READINESS_WINDOWS`), so this list and the READINESS_REVIEW deadlines never disagree.
 */
const BASE = `with ${PARAMS_CTE} select w.* from (${READINESS_WINDOWS}) w, p where w.due_from <= p.today + p.horizon`;

interface Row {
  stage_id: string;
  recipient_id: string;
  provider_id: string | null;
  started_on: string;
  review_number: number;
  due_from: string;
  due_by: string;
}

export async function readinessReviewsDue(
  em: EntityManager,
  rules: RuleSet,
  today: string,
  horizonDays: number,
  page: PageRequest = {},
  /** Whom the caller may list (`callerNarrowing`): provider staff their provider's people. */
  narrowing: readonly PersonCondition[] = [],
): Promise<ConnectionShape<ReadinessReviewDue>> {
  if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > 366) {
    throw new ValidationError('Горизонт: от 0 до 366 дней', 'horizonDays', 'HORIZON_INVALID');
  }
  const plan = planPage(page, 2, SIGNATURE);
  const visible = callerNarrowingSql(narrowing, 'w.recipient_id');
  const base = `${BASE} and ${visible.sql}`;
  const baseParams = [
    ...deadlineParams({ today, horizonDays, training: rules.data.training }),
    ...visible.params,
  ];
  const keyset = sqlKeyset(plan, ['due_from', 'stage_id'], ['date', 'uuid']);
  const connection = em.getConnection();
  const rows = (await connection.execute(
    `select stage_id, recipient_id, provider_id, to_char(started_on, 'YYYY-MM-DD') as started_on, review_number,
       to_char(due_from, 'YYYY-MM-DD') as due_from, to_char(due_by, 'YYYY-MM-DD') as due_by
     from (${base}) due where ${keyset.where} order by ${keyset.orderBy} limit ?`,
    [...baseParams, ...keyset.params, plan.size + 1],
    'all',
    em.getTransactionContext(),
  )) as Row[];
  const exists = (bound: { where: string; params: unknown[] }) =>
    connection
      .execute(
        `select 1 from (${base}) due where ${bound.where} limit 1`,
        [...baseParams, ...bound.params],
        'all',
        em.getTransactionContext(),
      )
      .then((found) => (found as unknown[]).length > 0);
  return connectionOf(
    plan,
    rows.map(
      (r): ReadinessReviewDue => ({
        recipientId: r.recipient_id,
        stageId: r.stage_id,
        providerId: r.provider_id,
        trainingStartedOn: r.started_on,
        reviewNumber: Number(r.review_number),
        dueFrom: r.due_from,
        dueBy: r.due_by,
        status: today > r.due_by ? ReadinessReviewDueStatus.LATE : ReadinessReviewDueStatus.DUE,
      }),
    ),
    (node) => encodeCursor([node.dueFrom, node.stageId], SIGNATURE),
    {
      atOrBeforeAfter: () => exists(keyset.atOrBeforeAfter),
      atOrAfterBefore: () => exists(keyset.atOrAfterBefore),
    },
    () =>
      connection
        .execute(
          `select count(*)::int as n from (${base}) due`,
          baseParams,
          'get',
          em.getTransactionContext(),
        )
        .then((r) => (r as unknown as { n: number }).n),
  );
}
