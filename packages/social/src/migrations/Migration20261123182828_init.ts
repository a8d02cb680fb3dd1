import { Migration } from '@mikro-orm/migrations';

export class Migration20261123182828_init extends Migration {
  override name = 'Migration20261123182828_init';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "social";`);
    this.addSql(
      `create table "social"."recipient" ("id" uuid not null, "snils" char(11) not null, "last_name" varchar(100) not null, "first_name" varchar(100) not null, "patronymic" varchar(100) not null default '', "birth_date" date not null, "municipality" varchar(200) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "social"."recipient" add constraint "recipient_snils_unique" unique ("snils");`);
    this.addSql(`create index "recipient_birth_date_id_index" on "social"."recipient" ("birth_date", "id");`);
    this.addSql(
      `create index "recipient_municipality_last_name_first_name_patronymic_id_index" on "social"."recipient" ("municipality", "last_name", "first_name", "patronymic", "id");`,
    );
    this.addSql(
      `create index "recipient_last_name_first_name_patronymic_id_index" on "social"."recipient" ("last_name", "first_name", "patronymic", "id");`,
    );

    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_names_present" check (length(last_name) > 0 and length(first_name) > 0);`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_snils_format" check (snils ~ '^[0-9]{11}$');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "social"."recipient" cascade;`);

    this.addSql(`drop schema if exists "social";`);
  }
}
