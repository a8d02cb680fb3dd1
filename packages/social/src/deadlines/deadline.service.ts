import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  isUuid,
  MAX_PAGE_SIZE,
  type PageRequest,
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
    const first = page.first ?? 50;
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
      throw new ValidationError(
        `Размер страницы должен быть от 0 до ${MAX_PAGE_SIZE}`,
        'first',
        'PAGE_SIZE_INVALID',
      );
    }
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
    const cursor = page.after ? decodeCursor(page.after, 3, SIGNATURE) : null;
    if (
      cursor &&
      !(/^\d{4}-\d{2}-\d{2}$/.test(String(cursor[0])) && typeof cursor[1] === 'string' && isUuid(cursor[2]))
    ) {
      throw new ValidationError(
        'Неверный курсор страницы: начните просмотр списка заново',
        'after',
        'BAD_CURSOR',
      );
    }
    let pageSql = `select * from (${base}) x`;
    if (cursor) {
      pageSql += ' where (x.due_on, x.kind, x.item_id) > (?::date, ?, ?::uuid)';
      params.push(...cursor);
    }
    pageSql += ' order by x.due_on, x.kind, x.item_id limit ?';
    params.push(first + 1);
    const connection = this.em.getConnection();
    const rows = await connection.execute<Row[]>(pageSql, params);
    const nodes = rows.slice(0, first).map(
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
    );
    const edges = nodes.map((node) => ({
      node,
      cursor: encodeCursor([node.dueOn, node.kind, node.itemId], SIGNATURE),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      get totalCount() {
        return connection
          .execute<{ count: string }[]>(`select count(*) as count from (${base}) x`, countParams)
          .then((r) => Number(r[0]?.count ?? 0));
      },
    };
  }
}
