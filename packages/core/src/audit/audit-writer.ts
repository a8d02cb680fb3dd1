import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphContext } from '../context.js';
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

const PLACEHOLDERS = `(${COLUMNS.map((c) => (['roles', 'fields', 'before', 'after'].includes(c) ? '?::jsonb' : '?')).join(', ')})`;

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
  const trail = context.audit;
  if (!trail || trail.isEmpty) return;
  if (options.changesOnly && trail.changes.length === 0) return;
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
  for (const change of trail.changes) {
    rows.push([
      ...common,
      change.action,
      change.recipientId,
      null,
      change.entity,
      change.entityId,
      change.before === undefined ? null : JSON.stringify(change.before),
      change.after === undefined ? null : JSON.stringify(change.after),
      change.recipientId !== null && trail.brokenGlass.has(change.recipientId),
    ]);
  }
  if (options.changesOnly) trail.changes.length = 0;
  else trail.clear();
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
