import { Migration } from '@mikro-orm/migrations';

export class Migration20261123192650_stage_provider_fk extends Migration {
  override name = 'Migration20261123192650_stage_provider_fk';

  override up(): void | Promise<void> {
    // Stages recorded before providers were registered may name a provider the register does not
    // hold; the stage stays, its provider is left to be chosen again (the column is optional).
    this.addSql(
      `update "social"."stage" set "provider_id" = null where "provider_id" is not null and "provider_id" not in (select "id" from "social"."provider");`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_provider_id_foreign" foreign key ("provider_id") references "social"."provider" ("id") on delete restrict;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."stage" drop constraint "stage_provider_id_foreign";`);
  }
}
