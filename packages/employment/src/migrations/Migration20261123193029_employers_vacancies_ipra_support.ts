import { Migration } from '@mikro-orm/migrations';

export class Migration20261123193029_employers_vacancies_ipra_support extends Migration {
  override name = 'Migration20261123193029_employers_vacancies_ipra_support';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "employment"."employment_support_kind" as enum ('UNEMPLOYMENT_REGISTRATION', 'VOCATIONAL_TRAINING', 'VOCATIONAL_GUIDANCE', 'SELF_EMPLOYMENT_SUPPORT');`,
    );
    this.addSql(
      `create type "employment"."work_kind" as enum ('LIGHT_MANUAL', 'HEAVY_MANUAL', 'CLEANING', 'FOOD_SERVICE', 'PACKING', 'COURIER', 'OFFICE', 'CRAFT', 'AGRICULTURE', 'WORK_AT_HEIGHT', 'MACHINERY', 'DRIVING', 'NIGHT_SHIFT');`,
    );
    this.addSql(
      `create type "employment"."workplace_origin" as enum ('REGULAR', 'CREATED', 'EQUIPPED', 'ABOVE_QUOTA');`,
    );
    this.addSql(`create type "employment"."work_verdict" as enum ('RECOMMENDED', 'FORBIDDEN');`);
    this.addSql(
      `create table "employment"."employer" ("id" uuid not null, "name" varchar(300) not null, "inn" varchar(12) not null, "municipality" varchar(200) null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "employment"."employer" add constraint "employer_inn_unique" unique ("inn");`);

    this.addSql(
      `create table "employment"."employment_support" ("id" uuid not null, "recipient_id" uuid not null, "kind" "employment"."employment_support_kind" not null, "programme" varchar(300) null, "start_date" date not null, "end_date" date null, primary key ("id"));`,
    );
    this.addSql(
      `create index "employment_support_kind_start_date_index" on "employment"."employment_support" ("kind", "start_date");`,
    );
    this.addSql(
      `create index "employment_support_recipient_id_start_date_index" on "employment"."employment_support" ("recipient_id", "start_date");`,
    );

    this.addSql(
      `create table "employment"."vacancy" ("id" uuid not null, "employer_id" uuid not null, "position" varchar(200) not null, "work_kind" "employment"."work_kind" not null, "quota" boolean not null, "origin" "employment"."workplace_origin" not null, "opened_on" date not null, "closed_on" date null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "vacancy_employer_id_opened_on_index" on "employment"."vacancy" ("employer_id", "opened_on");`,
    );

    this.addSql(
      `create table "employment"."work_recommendation" ("id" uuid not null, "recipient_id" uuid not null, "work_kind" "employment"."work_kind" not null, "verdict" "employment"."work_verdict" not null, "ipra_number" varchar(50) not null, "ipra_issued_on" date not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "employment"."work_recommendation" add constraint "work_recommendation_recipient_id_work_kind_unique" unique ("recipient_id", "work_kind");`,
    );

    // Placements recorded before employers were registered name the employer only as text and
    // carry no kind of work: they cannot become rows of the new table without inventing an ИНН and
    // a kind of work, so they are kept whole in placement_legacy for the agency to enter again.
    this.addSql(
      `do $$ begin if exists (select 1 from "employment"."placement") then create table "employment"."placement_legacy" as table "employment"."placement"; delete from "employment"."placement"; end if; end $$;`,
    );
    this.addSql(`alter table "employment"."placement" drop column "employer_name";`);
    this.addSql(
      `alter table "employment"."placement" add "employer_id" uuid not null, add "vacancy_id" uuid null, add "work_kind" "employment"."work_kind" not null, add "mentor_name" varchar(200) null, add "quota" boolean not null default false;`,
    );
    this.addSql(
      `alter table "employment"."placement" add constraint "placement_employer_id_foreign" foreign key ("employer_id") references "employment"."employer" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "employment"."placement" add constraint "placement_vacancy_id_foreign" foreign key ("vacancy_id") references "employment"."vacancy" ("id") on delete restrict;`,
    );
    this.addSql(`create index "placement_start_date_index" on "employment"."placement" ("start_date");`);
    this.addSql(
      `alter table "employment"."placement" add constraint "placement_mentor_when_supported" check (supported = (mentor_name is not null));`,
    );
    this.addSql(
      `alter table "employment"."placement" add constraint "placement_dates_order" check (end_date is null or end_date >= start_date);`,
    );

    this.addSql(
      `alter table "employment"."employment_support" add constraint "employment_support_dates_order" check (end_date is null or end_date >= start_date);`,
    );

    this.addSql(
      `alter table "employment"."vacancy" add constraint "vacancy_employer_id_foreign" foreign key ("employer_id") references "employment"."employer" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "employment"."vacancy" add constraint "vacancy_above_quota_not_quota" check (not (quota and origin = 'ABOVE_QUOTA'));`,
    );
    this.addSql(
      `alter table "employment"."vacancy" add constraint "vacancy_dates_order" check (closed_on is null or closed_on >= opened_on);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "employment"."vacancy" drop constraint "vacancy_employer_id_foreign";`);
    this.addSql(`alter table "employment"."placement" drop constraint "placement_employer_id_foreign";`);
    this.addSql(`alter table "employment"."placement" drop constraint "placement_vacancy_id_foreign";`);

    this.addSql(`drop table if exists "employment"."employer" cascade;`);
    this.addSql(`drop table if exists "employment"."employment_support" cascade;`);
    this.addSql(`drop table if exists "employment"."vacancy" cascade;`);
    this.addSql(`drop table if exists "employment"."work_recommendation" cascade;`);

    this.addSql(`drop index "employment"."placement_start_date_index";`);
    this.addSql(`alter table "employment"."placement" drop constraint "placement_mentor_when_supported";`);
    this.addSql(`alter table "employment"."placement" drop constraint "placement_dates_order";`);
    this.addSql(
      `alter table "employment"."placement" drop column "employer_id", drop column "vacancy_id", drop column "work_kind", drop column "mentor_name", drop column "quota";`,
    );
    this.addSql(`alter table "employment"."placement" add "employer_name" varchar(300) not null default '';`);

    this.addSql(`drop type "employment"."employment_support_kind";`);
    this.addSql(`drop type "employment"."work_kind";`);
    this.addSql(`drop type "employment"."workplace_origin";`);
    this.addSql(`drop type "employment"."work_verdict";`);
  }
}
