import { Migration } from '@mikro-orm/migrations';

export class Migration20261123212014_audit_export extends Migration {
  override name = 'Migration20261123212014_audit_export';

  override up(): void | Promise<void> {
    this.addSql(`alter table "access"."audit_event" drop constraint "audit_event_action_check";`);
    this.addSql(
      `alter table "access"."audit_event" add constraint "audit_event_action_check" check ("action" in ('read', 'create', 'update', 'delete', 'export'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "access"."audit_event" drop constraint "audit_event_action_check";`);
    this.addSql(
      `alter table "access"."audit_event" add constraint "audit_event_action_check" check ("action" in ('read', 'create', 'update', 'delete'));`,
    );
  }
}
