import { Migration } from '@mikro-orm/migrations';

export class Migration20261123232801_assessment_list extends Migration {
  override name = 'Migration20261123232801_assessment_list';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "assessment_assessed_on_id_index" on "social"."assessment" ("assessed_on", "id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "social"."assessment_assessed_on_id_index";`);
  }
}
