import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190600_audit_no_truncate extends Migration {
  override name = 'Migration20261123190600_audit_no_truncate';

  // The entity's row trigger refuses UPDATE and DELETE; MikroORM's schema diff does not see
  // statement-level triggers, so the one that refuses TRUNCATE is created here.
  override up(): void | Promise<void> {
    this.addSql(
      `create function "access"."audit_event_no_truncate_fn"() returns trigger language plpgsql as $$ begin raise exception 'the audit log is append-only (TRUNCATE refused)' using errcode = 'insufficient_privilege'; end; $$;`,
    );
    this.addSql(
      `create trigger "audit_event_no_truncate" before truncate on "access"."audit_event" for each statement execute function "access"."audit_event_no_truncate_fn"();`,
    );
    this.addSql(`revoke update, delete, truncate on "access"."audit_event" from public;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_event_no_truncate" on "access"."audit_event";`);
    this.addSql(`drop function if exists "access"."audit_event_no_truncate_fn"();`);
  }
}
