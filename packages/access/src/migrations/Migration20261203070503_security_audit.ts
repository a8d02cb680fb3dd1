import { Migration } from '@mikro-orm/migrations';

export class Migration20261203070503_security_audit extends Migration {
  override name = 'Migration20261203070503_security_audit';

  override up(): void | Promise<void> {
    this.addSql(`alter table "access"."audit_event" drop constraint "audit_event_action_check";`);
    this.addSql(
      `alter table "access"."audit_event" add constraint "audit_event_action_check" check ("action" in ('read', 'create', 'update', 'delete', 'export', 'security', 'refused'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "access"."audit_event" drop constraint "audit_event_action_check";`);
    this.addSql(
      `alter table "access"."audit_event" add constraint "audit_event_action_check" check ("action" in ('read', 'create', 'update', 'delete', 'export'));`,
    );
  }
}
