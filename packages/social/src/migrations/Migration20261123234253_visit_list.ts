import { Migration } from '@mikro-orm/migrations';

export class Migration20261123234253_visit_list extends Migration {
  override name = 'Migration20261123234253_visit_list';

  override up(): void | Promise<void> {
    this.addSql(`create index "visit_planned_at_id_index" on "social"."visit" ("planned_at", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "social"."visit_planned_at_id_index";`);
  }
}
