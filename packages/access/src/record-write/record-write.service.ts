import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { RecordWrite } from './record-write.model.js';

export interface WriteRow {
  recipient_id: string;
  entity: string;
  entity_id: string;
  action: 'create' | 'update';
  actor_kind: string;
  actor_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const isSet = (snapshot: Record<string, unknown> | null, field: string) =>
  snapshot !== null && snapshot[field] !== null && snapshot[field] !== undefined;

/** Whether an audit line is the write the reference names: the creation, or the first setting of a field. */
export function isTheWrite(row: WriteRow, write: RecordWrite): boolean {
  if (row.entity !== write.entity || row.entity_id !== write.entityId) return false;
  if (write.change === 'create') return row.action === 'create';
  return isSet(row.after, write.change) && !isSet(row.before, write.change);
}

/**
 * The account that made each write, or null (written by a partner system, by the data loader, or
 * before the log kept it). One statement for every person of the batch: their change lines, oldest
 * first, from the log's (recipient_id, occurred_at) index.
 */
export const recordAuthorsLoader = (em: EntityManager) =>
  new DataLoader<RecordWrite, string | null, string>(
    async (writes) => {
      const people = [...new Set(writes.map((w) => w.recipientId))];
      const rows = await em.getConnection().execute<WriteRow[]>(
        `select recipient_id::text, entity, entity_id, action, actor_kind, actor_id, before, after
           from access.audit_event
          where recipient_id = any(?::uuid[]) and action in ('create', 'update')
          order by occurred_at, id`,
        [`{${people.join(',')}}`],
      );
      return writes.map((write) => {
        const row = rows.find((r) => r.recipient_id === write.recipientId && isTheWrite(r, write));
        return row?.actor_kind === 'user' ? row.actor_id : null;
      });
    },
    { cacheKeyFn: (w) => `${w.recipientId} ${w.entity} ${w.entityId} ${w.change}` },
  );
