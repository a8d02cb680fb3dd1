import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphContext } from '../context.js';
import { nativeQuery } from '../db/native-query.js';
import { AppError, DatabaseUnavailableError, isDatabaseUnavailable } from '../errors/errors.js';

export const AUDIT_UNAVAILABLE_MESSAGE =
  'Не удалось записать журнал доступа, поэтому запрос отклонён. Обратитесь к администратору.';

/** Where every subgraph appends its trail; the table belongs to the access subgraph's schema. */
export const AUDIT_TABLE = 'access.audit_event';

const COLUMNS = [
  'occurred_at',
  'request_id',
  'subgraph',
  'operation',
  'actor_kind',
  'actor_id',
  'actor_name',
  'agency_id',
  'roles',
  'ip',
  'action',
  'recipient_id',
  'fields',
  'entity',
  'entity_id',
  'before',
  'after',
  'break_glass',
] as const;

const JSONB = new Set<string>(['roles', 'fields', 'before', 'after']);
const PLACEHOLDERS = `(${COLUMNS.map((c) => (JSONB.has(c) ? '?::jsonb' : '?')).join(', ')})`;

/**
 * Subgraphs whose data is a special category (152-ФЗ art. 10: health): their change snapshots keep
 * which fields changed and the ids, never the values, so the audit log (and its readers) hold no
 * health details.
 */
const SPECIAL_CATEGORY_SUBGRAPHS = new Set(['health']);
const MASK = '•••';

export function maskSnapshot(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(maskSnapshot);
  if (typeof value !== 'object') return MASK;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, key === 'id' || key.endsWith('Id') ? v : maskSnapshot(v)]),
  );
}

/** The rows of what the request read and changed, emptying the trail. */
function auditRows(context: SubgraphContext, options: { changesOnly?: boolean }): unknown[][] {
  const trail = context.audit;
  if (!trail || trail.isEmpty) return [];
  if (options.changesOnly && trail.changes.length === 0) return [];
  const actor = context.actor;
  const now = context.clock.now();
  const common = [
    now,
    context.requestId,
    context.subgraph,
    context.operationName ?? null,
    actor?.kind ?? 'anonymous',
    actor?.id ?? null,
    actor?.name ?? null,
    actor?.agencyId ?? null,
    JSON.stringify(actor?.roles ?? []),
    context.ip ?? null,
  ];
  const rows: unknown[][] = [];
  for (const [recipientId, fields] of options.changesOnly ? [] : trail.reads) {
    rows.push([
      ...common,
      'read',
      recipientId,
      JSON.stringify([...fields].sort()),
      null,
      null,
      null,
      null,
      trail.brokenGlass.has(recipientId),
    ]);
  }
  for (const [recipientId, byCode] of options.changesOnly ? [] : trail.refusals) {
    for (const [code, fields] of byCode) {
      rows.push([
        ...common,
        'refused',
        recipientId,
        JSON.stringify([...fields].sort()),
        code,
        null,
        null,
        null,
        false,
      ]);
    }
  }
  const snapshot = SPECIAL_CATEGORY_SUBGRAPHS.has(context.subgraph) ? maskSnapshot : (v: unknown) => v;
  for (const change of trail.changes) {
    rows.push([
      ...common,
      change.action,
      change.recipientId,
      null,
      change.entity,
      change.entityId,
      change.before === undefined ? null : JSON.stringify(snapshot(change.before)),
      change.after === undefined ? null : JSON.stringify(snapshot(change.after)),
      change.recipientId !== null && trail.brokenGlass.has(change.recipientId),
    ]);
  }
  if (options.changesOnly) trail.changes.length = 0;
  else trail.clear();
  return rows;
}

async function insertRows(em: EntityManager, rows: readonly unknown[][]): Promise<void> {
  if (!em.getTransactionContext()) {
    // Bound parameters, not the ORM's inlined text: a list page's trail is hundreds of values.
    let n = 0;
    const values = rows.map(
      () => `(${COLUMNS.map((c) => `$${++n}${JSONB.has(c) ? '::jsonb' : ''}`).join(', ')})`,
    );
    await nativeQuery(
      em,
      `INSERT INTO ${AUDIT_TABLE} (${COLUMNS.join(', ')}) VALUES ${values.join(', ')}`,
      rows.flat(),
    );
    return;
  }
  await em
    .getConnection()
    .execute(
      `INSERT INTO ${AUDIT_TABLE} (${COLUMNS.join(', ')}) VALUES ${rows.map(() => PLACEHOLDERS).join(', ')}`,
      rows.flat(),
      'run',
      em.getTransactionContext(),
    );
}

/**
 * Appends what the request read and changed to the audit log, in one statement, and empties the
 * trail. It throws when the write fails: the caller then fails the request, because an access
 * that cannot be recorded must not be served.
 */
export async function writeAuditTrail(
  em: EntityManager,
  context: SubgraphContext,
  options: { changesOnly?: boolean } = {},
): Promise<void> {
  const rows = auditRows(context, options);
  if (rows.length > 0) await insertRows(em, rows);
}

/** Rows per statement: PostgreSQL binds at most 65 535 parameters. */
const ROWS_PER_INSERT = Math.floor(65_535 / COLUMNS.length);

/**
 * Writes the read trails of concurrent requests together: each request still waits until its own
 * rows are in the log before its answer leaves, but under load one INSERT carries the trails of
 * every request that finished in the same turn of the event loop instead of one INSERT each.
 * If a shared INSERT fails, each request's rows are tried on their own, so one request's bad row
 * fails that request only.
 */
export class AuditBatcher {
  private queue: { rows: unknown[][]; done: (error?: unknown) => void }[] = [];
  private scheduled = false;

  constructor(private readonly fork: () => EntityManager) {}

  async write(context: SubgraphContext): Promise<void> {
    const rows = auditRows(context, {});
    if (rows.length === 0) return;
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    // Requests grouped so that each group fits one statement.
    const groups: (typeof batch)[] = [];
    let size = Number.POSITIVE_INFINITY;
    for (const entry of batch) {
      if (size + entry.rows.length > ROWS_PER_INSERT) {
        groups.push([]);
        size = 0;
      }
      groups.at(-1)!.push(entry);
      size += entry.rows.length;
    }
    await Promise.all(groups.map((group) => this.insertGroup(group)));
  }

  private async insertGroup(group: typeof this.queue): Promise<void> {
    try {
      await this.insert(group.flatMap((g) => g.rows));
      for (const g of group) g.done();
    } catch (error) {
      if (group.length === 1) return group[0]!.done(error);
      await Promise.all(
        group.map((g) =>
          this.insert(g.rows).then(
            () => g.done(),
            (own: unknown) => g.done(own),
          ),
        ),
      );
    }
  }

  /** One request alone may exceed a statement's parameters (a very long page): split it. */
  private async insert(rows: readonly unknown[][]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await insertRows(this.fork(), rows.slice(i, i + ROWS_PER_INSERT));
    }
  }
}

/**
 * Makes every `em.transactional(...)` of the request also write the changes it recorded in the
 * audit trail, inside the same transaction: a change is committed with its audit record or not at
 * all. Reads are still written once, before the answer leaves.
 */
export function auditChangesWithTransactions(em: EntityManager, context: () => SubgraphContext): void {
  const transactional = em.transactional.bind(em);
  em.transactional = ((callback: (tx: EntityManager) => Promise<unknown>, options?: object) =>
    transactional(async (tx) => {
      const result = await callback(tx as EntityManager);
      await tx.flush();
      try {
        await writeAuditTrail(tx as EntityManager, context(), { changesOnly: true });
      } catch (err) {
        // The whole database being down is not an audit fault: the client may simply retry.
        if (isDatabaseUnavailable(err)) throw new DatabaseUnavailableError();
        context().logger.error({ err }, 'audit trail could not be written; the change is rolled back');
        throw new AppError('AUDIT_UNAVAILABLE', AUDIT_UNAVAILABLE_MESSAGE);
      }
      return result;
    }, options)) as EntityManager['transactional'];
}
