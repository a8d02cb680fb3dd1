import { Migration } from '@mikro-orm/migrations';

export class Migration20261123192650_stage_provider_fk extends Migration {
  override name = 'Migration20261123192650_stage_provider_fk';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "social"."stage" add constraint "stage_provider_id_foreign" foreign key ("provider_id") references "social"."provider" ("id") on delete restrict;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."stage" drop constraint "stage_provider_id_foreign";`);
  }
}
