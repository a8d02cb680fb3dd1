import { Migration } from '@mikro-orm/migrations';

export class Migration20261123182910_init extends Migration {
  override name = 'Migration20261123182910_init';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "coordination";`);
    this.addSql(
      `create table "coordination"."need_registry_entry" ("recipient_id" uuid not null, "identified_on" date not null, "source" varchar(300) not null, primary key ("recipient_id"));`,
    );
    this.addSql(
      `create index "need_registry_entry_identified_on_index" on "coordination"."need_registry_entry" ("identified_on");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "coordination"."need_registry_entry" cascade;`);

    this.addSql(`drop schema if exists "coordination";`);
  }
}
