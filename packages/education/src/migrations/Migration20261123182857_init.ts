import { Migration } from '@mikro-orm/migrations';

export class Migration20261123182857_init extends Migration {
  override name = 'Migration20261123182857_init';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "education";`);
    this.addSql(
      `create type "education"."education_level" as enum ('GENERAL', 'VOCATIONAL', 'FURTHER_PROFESSIONAL');`,
    );
    this.addSql(`create type "education"."enrolment_status" as enum ('ACTIVE', 'COMPLETED', 'INTERRUPTED');`);
    this.addSql(
      `create table "education"."enrolment" ("id" uuid not null, "recipient_id" uuid not null, "level" "education"."education_level" not null, "organisation" varchar(300) not null, "programme" varchar(300) not null, "start_date" date not null, "end_date" date null, "status" "education"."enrolment_status" not null default 'ACTIVE', primary key ("id"));`,
    );
    this.addSql(
      `create index "enrolment_recipient_id_start_date_index" on "education"."enrolment" ("recipient_id", "start_date");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "education"."enrolment" cascade;`);

    this.addSql(`drop type "education"."education_level";`);
    this.addSql(`drop type "education"."enrolment_status";`);
    this.addSql(`drop schema if exists "education";`);
  }
}
