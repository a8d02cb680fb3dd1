import { createHmac } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AUDIT_TABLE } from '../audit/audit-writer.js';

/** The role a subgraph serves requests with: it may use its own schema and append to the audit log. */
export function schemaRoleName(schema: string): string {
  return `sl_${schema}`;
}

/**
 * The role's password, derived from the owner's: every process of the deployment computes the same
 * one without sharing another secret, and it changes when the owner's password does.
 */
export function schemaRolePassword(ownerUrl: string, role: string): string {
  const owner = decodeURIComponent(new URL(ownerUrl).password);
  return createHmac('sha256', `schema-role:${owner}`).update(role).digest('hex');
}

export function withCredentials(url: string, user: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = encodeURIComponent(password);
  return next.toString();
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Creates (or updates) the subgraph's own role and grants it exactly what it needs, as the owner
 * that ran the migrations: its schema's tables, nothing of the other subgraphs', and INSERT only
 * on the audit log — so no UPDATE, DELETE or TRUNCATE of the log is possible from the application
 * at the privilege level, below the table's own triggers. Default privileges cover tables that
 * later migrations add. The access subgraph also owns the log: it may read it (auditors), and it
 * grants every other subgraph's existing role the INSERT, whichever started first.
 */
export async function ensureSchemaRole(orm: MikroORM, schema: string, ownerUrl: string): Promise<string> {
  // Roles belong to the whole server: two processes (or two databases of one server) granting to
  // the same role at once make PostgreSQL answer "tuple concurrently updated". Grants are
  // idempotent, so the later one simply tries again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await grantSchemaRole(orm, schema, ownerUrl);
    } catch (error) {
      const concurrent = /tuple concurrently (updated|deleted)/.test(String((error as Error).message));
      if (!concurrent || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

async function grantSchemaRole(orm: MikroORM, schema: string, ownerUrl: string): Promise<string> {
  const role = schemaRoleName(schema);
  const password = schemaRolePassword(ownerUrl, role);
  const connection = orm.em.getConnection();
  const exists = await connection.execute<{ n: number }[]>('SELECT 1 AS n FROM pg_roles WHERE rolname = ?', [
    role,
  ]);
  if (exists.length === 0) {
    await connection
      .execute(`CREATE ROLE ${quote(role)} LOGIN PASSWORD '${password}'`)
      .catch((error: { code?: string }) => {
        // Another process (or another database of the same server) created it a moment ago.
        if (error.code !== '42710' && error.code !== '23505') throw error;
      });
  }
  await connection.execute(
    `ALTER ROLE ${quote(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
  );
  const s = quote(schema);
  const r = quote(role);
  const statements = [
    `GRANT USAGE ON SCHEMA ${s} TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${r}`,
  ];
  for (const sql of statements) await connection.execute(sql);
  const auditExists = await connection.execute<{ t: string | null }[]>(
    `SELECT to_regclass('${AUDIT_TABLE}')::text AS t`,
  );
  if (auditExists[0]?.t) {
    const roles =
      schema === 'access'
        ? (
            await connection.execute<{ rolname: string }[]>(
              `SELECT rolname FROM pg_roles WHERE rolname LIKE 'sl\\_%' AND rolname <> ?`,
              [role],
            )
          ).map((x) => x.rolname)
        : [role];
    for (const other of roles) {
      await connection.execute(`GRANT USAGE ON SCHEMA access TO ${quote(other)}`);
      await connection.execute(`GRANT INSERT ON ${AUDIT_TABLE} TO ${quote(other)}`);
      await connection.execute(`GRANT USAGE ON SEQUENCE access.audit_event_id_seq TO ${quote(other)}`);
    }
    // The access subgraph reads the log for auditors and writes it; it never changes a row of it.
    await connection
      .execute(`REVOKE UPDATE, DELETE, TRUNCATE ON ${AUDIT_TABLE} FROM ${quote(schemaRoleName('access'))}`)
      .catch((error: { code?: string }) => {
        if (error.code !== '42704') throw error; // the access role does not exist yet
      });
  }
  return role;
}
