import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ConnectionShape,
  connectionOf,
  encodeCursor,
  isUuid,
  type PageRequest,
  planPage,
  sqlKeyset,
  ValidationError,
} from '@sl/core';
import type { RuleSet } from '../rules/rule-set.js';
import type { Deadline, DeadlineKind } from './deadline.entity.js';
import type { DeadlineFilter } from './deadline.inputs.js';
import { DEADLINE_SOURCES, deadlineParams, PARAMS_CTE } from './deadline.sources.js';

interface Row {
  kind: DeadlineKind;
  item_id: string;
  recipient_id: string;
  due_on: string | Date;
  agency: string | null;
  provider_id: string | null;
  hours_planned: string | null;
  hours_delivered: string | null;
  case_coordinator_id: string | null;
  days_late: number;
}

const SIGNATURE = 'deadlines:dueOn,kind,itemId';
const iso = (value: string | Date) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** Everything due or late across the case, oldest due date first, one keyset page at a time. */
export class DeadlineService {
  constructor(private readonly em: EntityManager) {}

  /** `actorId` is whose cases `filter.mine` means. */
  async list(
    rules: RuleSet,
    today: string,
    filter: DeadlineFilter = {},
    page: PageRequest = {},
    actorId: string | null = null,
  ): Promise<ConnectionShape<Deadline>> {
    const plan = planPage(page, 3, SIGNATURE, 50);
    const kinds = filter.kinds?.length ? filter.kinds : Object.keys(DEADLINE_SOURCES);
    const union = kinds.map((k) => DEADLINE_SOURCES[k]).join('\n union all \n');
    const params = deadlineParams({
      today,
      horizonDays: filter.horizonDays ?? 30,
      training: rules.data.training,
      upcoming: filter.upcoming ?? false,
    });
    let where = 'true';
    if (filter.agency) {
      where += ' and d.agency = ?';
      params.push(filter.agency);
    }
    if (filter.providerId) {
      where += ' and d.provider_id = ?::uuid';
      params.push(filter.providerId);
    }
    if (filter.overdueOnly) where += ' and d.due_on < (select today from p)';
    if (filter.mine && actorId && isUuid(actorId)) {
      where += ' and r.case_coordinator_id = ?::uuid';
      params.push(actorId);
    } else if (filter.mine) {
      // Someone signed in without an account of their own (an API client) coordinates no case.
      where += ' and false';
    }
    const base = `with ${PARAMS_CTE}
      select d.*, r.case_coordinator_id, (select today from p) - d.due_on as days_late
      from (${union}) d join social.recipient r on r.id = d.recipient_id where ${where}`;
    const countParams = [...params];
    for (const [field, cursor] of [
      ['after', plan.after],
      ['before', plan.before],
    ] as const) {
      if (
        cursor &&
        !(/^\d{4}-\d{2}-\d{2}$/.test(String(cursor[0])) && typeof cursor[1] === 'string' && isUuid(cursor[2]))
      ) {
        throw new ValidationError(
          'Неверный курсор страницы: начните просмотр списка заново',
          field,
          'BAD_CURSOR',
        );
      }
    }
    const keyset = sqlKeyset(plan, ['x.due_on', 'x.kind', 'x.item_id'], ['date', 'text', 'uuid']);
    const connection = this.em.getConnection();
    const rows = await connection.execute<Row[]>(
      `select * from (${base}) x where ${keyset.where} order by ${keyset.orderBy} limit ?`,
      [...params, ...keyset.params, plan.size + 1],
    );
    const exists = (bound: { where: string; params: unknown[] }) =>
      connection
        .execute<unknown[]>(`select 1 from (${base}) x where ${bound.where} limit 1`, [
          ...countParams,
          ...bound.params,
        ])
        .then((found) => found.length > 0);
    return connectionOf(
      plan,
      rows.map(
        (r): Deadline => ({
          kind: r.kind,
          itemId: r.item_id,
          recipientId: r.recipient_id,
          dueOn: iso(r.due_on),
          daysLate: Number(r.days_late),
          agency: r.agency,
          providerId: r.provider_id,
          hoursPlanned: r.hours_planned === null ? null : Number(r.hours_planned),
          hoursDelivered: r.hours_delivered === null ? null : Number(r.hours_delivered),
          caseCoordinatorId: r.case_coordinator_id,
        }),
      ),
      (node) => encodeCursor([node.dueOn, node.kind, node.itemId], SIGNATURE),
      {
        atOrBeforeAfter: () => exists(keyset.atOrBeforeAfter),
        atOrAfterBefore: () => exists(keyset.atOrAfterBefore),
      },
      () =>
        connection
          .execute<{ count: string }[]>(`select count(*) as count from (${base}) x`, countParams)
          .then((r) => Number(r[0]?.count ?? 0)),
    );
  }
}
