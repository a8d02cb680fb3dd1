import { Migration } from '@mikro-orm/migrations';

export class Migration20261203130000_audit_origin extends Migration {
  override name = 'Migration20261203130000_audit_origin';

  // Rows forwarded from a subgraph's own log (AUDIT_LOG=local) keep their id there.
  override up(): void | Promise<void> {
    this.addSql(`alter table "access"."audit_event" add column "origin_id" bigint null;`);
    this.addSql(
      `alter table "access"."audit_event" add constraint "audit_event_subgraph_origin_id_unique" unique ("subgraph", "origin_id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "access"."audit_event" drop constraint "audit_event_subgraph_origin_id_unique";`,
    );
    this.addSql(`alter table "access"."audit_event" drop column "origin_id";`);
  }
}
