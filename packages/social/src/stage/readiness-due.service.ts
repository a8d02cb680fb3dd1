import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  type PageRequest,
  ValidationError,
} from '@sl/core';
import type { RuleSet } from '../rules/rule-set.js';
import { type ReadinessReviewDue, ReadinessReviewDueStatus } from './readiness-due.model.js';

const SIGNATURE = 'readinessReviewsDue:dueFrom,stageId';

/**
 * Open training stages whose next readiness review window (seed 002 §15.2) opens by
 * `today + horizonDays`, or closed without a review. Stages with a READY review (next step: the
 * main stage) or with every review used are not listed. The windows are computed in SQL with the
 * same month arithmetic as the rule set (PostgreSQL and date-fns both clamp to the month's end).
 */
const BASE = `
  select s.id as stage_id, s.recipient_id, s.provider_id, s.started_on,
    coalesce(l.ordinal, 0) + 1 as review_number,
    (s.started_on + make_interval(months => ?::int + coalesce(l.period, 0) * ?::int))::date as due_from,
    (s.started_on + make_interval(months => ?::int + (coalesce(l.period, 0) + 1) * ?::int) - interval '1 day')::date as due_by
  from social.stage s
  left join lateral (
    select r.ordinal, r.period, r.outcome from social.readiness_review r
    where r.stage_id = s.id order by r.ordinal desc limit 1
  ) l on true
  where s.kind = 'TRAINING' and s.ended_on is null
    and coalesce(l.ordinal, 0) < ?::int
    and (l.outcome is null or l.outcome <> 'READY')`;

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
): Promise<ConnectionShape<ReadinessReviewDue>> {
  if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > 366) {
    throw new ValidationError('Горизонт: от 0 до 366 дней', 'horizonDays', 'HORIZON_INVALID');
  }
  const first = page.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new ValidationError(
      `Размер страницы должен быть от 0 до ${MAX_PAGE_SIZE}`,
      'first',
      'PAGE_SIZE_INVALID',
    );
  }
  const { firstReviewAfterMonths: firstAfter, reviewEveryMonths: every, maxReviews } = rules.data.training;
  const baseParams = [firstAfter, every, firstAfter, every, maxReviews];
  const filter = 'due_from <= ?::date + ?::int';
  const filterParams = [today, horizonDays];
  const after = page.after ? decodeCursor(page.after, 2, SIGNATURE) : null;
  const keyset = after ? ' and (due_from, stage_id) > (?::date, ?::uuid)' : '';
  const connection = em.getConnection();
  const rows = (await connection.execute(
    `select stage_id, recipient_id, provider_id, to_char(started_on, 'YYYY-MM-DD') as started_on, review_number,
       to_char(due_from, 'YYYY-MM-DD') as due_from, to_char(due_by, 'YYYY-MM-DD') as due_by
     from (${BASE}) due where ${filter}${keyset} order by due_from, stage_id limit ?`,
    [...baseParams, ...filterParams, ...(after ?? []), first + 1],
    'all',
    em.getTransactionContext(),
  )) as Row[];
  const nodes = rows.slice(0, first).map(
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
  );
  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor([node.dueFrom, node.stageId], SIGNATURE),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return connection
        .execute(
          `select count(*)::int as n from (${BASE}) due where ${filter}`,
          [...baseParams, ...filterParams],
          'get',
          em.getTransactionContext(),
        )
        .then((r) => (r as unknown as { n: number }).n);
    },
  };
}
