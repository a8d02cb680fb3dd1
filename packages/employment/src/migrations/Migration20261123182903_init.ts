import { Migration } from '@mikro-orm/migrations';

export class Migration20261123182903_init extends Migration {
  override name = 'Migration20261123182903_init';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "employment";`);
    this.addSql(
      `create table "employment"."placement" ("id" uuid not null, "recipient_id" uuid not null, "employer_name" varchar(300) not null, "position" varchar(200) not null, "start_date" date not null, "end_date" date null, "supported" boolean not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "placement_recipient_id_start_date_index" on "employment"."placement" ("recipient_id", "start_date");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "employment"."placement" cascade;`);

    this.addSql(`drop schema if exists "employment";`);
  }
}
