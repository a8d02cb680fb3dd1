import { Migration } from '@mikro-orm/migrations';

export class Migration20261203065821_visit_recorded extends Migration {
  override name = 'Migration20261203065821_visit_recorded';

  override up(): void | Promise<void> {
    this.addSql(`alter table "social"."visit" add "recorded_at" timestamptz null;`);
    // Visits delivered before this column existed had their outcome recorded: keep them final.
    this.addSql(`update "social"."visit" set "recorded_at" = "created_at" where "delivered";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."visit" drop column "recorded_at";`);
  }
}
