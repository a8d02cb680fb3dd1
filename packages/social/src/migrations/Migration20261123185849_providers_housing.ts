import { Migration } from '@mikro-orm/migrations';

export class Migration20261123185849_providers_housing extends Migration {
  override name = 'Migration20261123185849_providers_housing';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "social"."provider" ("id" uuid not null, "name" varchar(500) not null, "short_name" varchar(200) not null, "postal_address" varchar(500) not null, "municipality" varchar(200) not null, "phone" varchar(50) null, "email" varchar(200) null, "forms" text[] not null, "inn" varchar(12) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "social"."provider" add constraint "provider_name_unique" unique ("name");`);
    this.addSql(`create index "provider_short_name_id_index" on "social"."provider" ("short_name", "id");`);

    this.addSql(
      `create table "social"."housing_unit" ("id" uuid not null, "kind" text not null, "address" varchar(500) not null, "municipality" varchar(200) not null, "operator_id" uuid null, "places" int not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "housing_unit_address_id_index" on "social"."housing_unit" ("address", "id");`);

    this.addSql(
      `create table "social"."housing_occupancy" ("id" uuid not null, "recipient_id" uuid not null, "unit_id" uuid not null, "from_date" date not null, "to_date" date null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "housing_occupancy_recipient_id_from_date_index" on "social"."housing_occupancy" ("recipient_id", "from_date");`,
    );
    this.addSql(
      `create index "housing_occupancy_unit_id_to_date_index" on "social"."housing_occupancy" ("unit_id", "to_date");`,
    );
    this.addSql(
      `create unique index "housing_occupancy_one_open_per_recipient" on "social"."housing_occupancy" ("recipient_id") where "to_date" is null;`,
    );

    this.addSql(
      `alter table "social"."provider" add constraint "provider_inn_format" check (inn is null or inn ~ '^([0-9]{10}|[0-9]{12})$');`,
    );
    this.addSql(
      `alter table "social"."provider" add constraint "provider_forms_present" check (cardinality(forms) > 0);`,
    );
    this.addSql(
      `alter table "social"."provider" add constraint "provider_name_present" check (length(name) > 0 and length(short_name) > 0);`,
    );
    this.addSql(
      `alter table "social"."provider" add constraint "provider_forms_check" check ("forms" <@ array['STATIONARY'::text, 'SEMI_STATIONARY'::text, 'HOME_BASED'::text]);`,
    );

    this.addSql(
      `alter table "social"."housing_unit" add constraint "housing_unit_operator_id_foreign" foreign key ("operator_id") references "social"."provider" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."housing_unit" add constraint "housing_unit_address_present" check (length(address) > 0);`,
    );
    this.addSql(
      `alter table "social"."housing_unit" add constraint "housing_unit_places_range" check (places >= 1 and places <= 500);`,
    );
    this.addSql(
      `alter table "social"."housing_unit" add constraint "housing_unit_kind_check" check ("kind" in ('TRAINING_FLAT', 'PROVIDER_UNIT', 'RENTED_FLAT', 'OWN_FLAT', 'SOCIAL_TENANCY', 'SPECIALISED_STOCK', 'NGO_HOUSING', 'DORMITORY', 'HOTEL'));`,
    );

    this.addSql(
      `alter table "social"."housing_occupancy" add constraint "housing_occupancy_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."housing_occupancy" add constraint "housing_occupancy_unit_id_foreign" foreign key ("unit_id") references "social"."housing_unit" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."housing_occupancy" add constraint "housing_occupancy_dates_order" check (to_date is null or to_date >= from_date);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."housing_unit" drop constraint "housing_unit_operator_id_foreign";`);
    this.addSql(
      `alter table "social"."housing_occupancy" drop constraint "housing_occupancy_unit_id_foreign";`,
    );

    this.addSql(`drop table if exists "social"."provider" cascade;`);
    this.addSql(`drop table if exists "social"."housing_unit" cascade;`);
    this.addSql(`drop table if exists "social"."housing_occupancy" cascade;`);
  }
}
