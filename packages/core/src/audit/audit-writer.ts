import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphContext } from '../context.js';

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
export async function writeAuditTrail(em: EntityManager, context: SubgraphContext): Promise<void> {
  const trail = context.audit;
  if (!trail || trail.isEmpty) return;
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
  for (const [recipientId, fields] of trail.reads) {
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
  trail.clear();
  await em
    .getConnection()
    .execute(
      `INSERT INTO ${AUDIT_TABLE} (${COLUMNS.join(', ')}) VALUES ${rows.map(() => PLACEHOLDERS).join(', ')}`,
      rows.flat(),
      'run',
    );
}
