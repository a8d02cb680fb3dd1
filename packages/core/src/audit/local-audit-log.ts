import type { MikroORM } from '@mikro-orm/postgresql';
import { migrationLock } from '../db/migration-lock.js';
import { AUDIT_TABLE } from './audit-writer.js';

/**
 * A subgraph on a PostgreSQL server of its own (AUDIT_LOG=local) cannot append to the access
 * subgraph's log. It keeps its own: the same table, `access.audit_event`, in its own database, so
 * the writer is unchanged and a read or change is recorded in the same transaction (or before the
 * answer leaves) exactly as with one database. Each new row's id is also put in
 * `access.audit_outbox` by a trigger, in the same transaction; `AuditForwarder` sends those rows to
 * the access subgraph, so the auditor's screen and export still read one log.
 *
 * The columns, constraints and triggers are those of the access subgraph's migrations (a test
 * compares the two tables). The action list is the access entity's `AuditAction`.
 */
const ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'security', 'refused'];

const DDL = [
  `CREATE SCHEMA IF NOT EXISTS "access"`,
  `CREATE TABLE IF NOT EXISTS ${AUDIT_TABLE} ("id" bigserial primary key, "occurred_at" timestamptz not null, "request_id" varchar(64) not null, "subgraph" varchar(32) not null, "operation" varchar(200) null, "actor_kind" varchar(16) not null, "actor_id" varchar(64) null, "actor_name" varchar(200) null, "agency_id" varchar(200) null, "roles" jsonb not null, "ip" varchar(64) null, "action" text not null, "recipient_id" uuid null, "fields" jsonb null, "entity" varchar(64) null, "entity_id" varchar(64) null, "before" jsonb null, "after" jsonb null, "break_glass" boolean not null default false, "origin_id" bigint null, constraint "audit_event_action_check" check ("action" in (${ACTIONS.map((a) => `'${a}'`).join(', ')})), constraint "audit_event_subgraph_origin_id_unique" unique ("subgraph", "origin_id"))`,
  `CREATE INDEX IF NOT EXISTS "audit_event_occurred_at_id_index" ON ${AUDIT_TABLE} ("occurred_at", "id")`,
  `CREATE INDEX IF NOT EXISTS "audit_event_actor_id_occurred_at_index" ON ${AUDIT_TABLE} ("actor_id", "occurred_at")`,
  `CREATE INDEX IF NOT EXISTS "audit_event_recipient_id_occurred_at_index" ON ${AUDIT_TABLE} ("recipient_id", "occurred_at")`,
  `CREATE OR REPLACE FUNCTION "access"."audit_event_audit_event_no_update_delete_fn"() RETURNS trigger AS $$ begin raise exception 'the audit log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end; $$ LANGUAGE plpgsql`,
  `CREATE OR REPLACE TRIGGER "audit_event_no_update_delete" BEFORE UPDATE OR DELETE ON ${AUDIT_TABLE} FOR EACH ROW EXECUTE FUNCTION "access"."audit_event_audit_event_no_update_delete_fn"()`,
  `CREATE OR REPLACE FUNCTION "access"."audit_event_no_truncate_fn"() RETURNS trigger LANGUAGE plpgsql AS $$ begin raise exception 'the audit log is append-only (TRUNCATE refused)' using errcode = 'insufficient_privilege'; end; $$`,
  `CREATE OR REPLACE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON ${AUDIT_TABLE} FOR EACH STATEMENT EXECUTE FUNCTION "access"."audit_event_no_truncate_fn"()`,
  `REVOKE UPDATE, DELETE, TRUNCATE ON ${AUDIT_TABLE} FROM public`,
  // What is still to be sent to the access subgraph; emptied as the access subgraph confirms.
  `CREATE TABLE IF NOT EXISTS "access"."audit_outbox" ("id" bigint primary key)`,
  `CREATE OR REPLACE FUNCTION "access"."audit_event_outbox_fn"() RETURNS trigger LANGUAGE plpgsql AS $$ begin insert into "access"."audit_outbox" ("id") values (new."id"); return null; end; $$`,
  `CREATE OR REPLACE TRIGGER "audit_event_outbox" AFTER INSERT ON ${AUDIT_TABLE} FOR EACH ROW EXECUTE FUNCTION "access"."audit_event_outbox_fn"()`,
];

/**
 * Creates the local log (idempotent), as the owner, under the lock the access subgraph's own
 * migrations take: two replicas starting together create it once, and on a server that the access
 * subgraph shares (a misconfiguration) its migrations and this never run at the same time.
 */
export async function ensureLocalAuditLog(orm: MikroORM): Promise<void> {
  await orm.em.fork().transactional(async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    await connection.execute(
      `SELECT pg_advisory_xact_lock(hashtext(?))`,
      [migrationLock('access')],
      'all',
      ctx,
    );
    for (const sql of DDL) await connection.execute(sql, [], 'run', ctx);
  });
}

/**
 * What the subgraph's own role needs besides the INSERT every role gets on the log: reading its
 * rows to forward them, and the outbox. It still cannot change or delete a row of the log.
 */
export async function grantLocalAuditLog(orm: MikroORM, role: string): Promise<void> {
  const connection = orm.em.getConnection();
  const r = `"${role.replaceAll('"', '""')}"`;
  await connection.execute(`GRANT SELECT ON ${AUDIT_TABLE} TO ${r}`);
  await connection.execute(`GRANT SELECT, INSERT, UPDATE, DELETE ON "access"."audit_outbox" TO ${r}`);
}
