import { Migration } from '@mikro-orm/migrations';

export class Migration20261123182850_init extends Migration {
  override name = 'Migration20261123182850_init';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "health";`);
    this.addSql(
      `create table "health"."medical_conclusion" ("id" uuid not null, "recipient_id" uuid not null, "issued_on" date not null, "contraindications_present" boolean not null, "organisation" varchar(300) not null, "valid_until" date null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "medical_conclusion_recipient_id_issued_on_index" on "health"."medical_conclusion" ("recipient_id", "issued_on");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "health"."medical_conclusion" cascade;`);

    this.addSql(`drop schema if exists "health";`);
  }
}
