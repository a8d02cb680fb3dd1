import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190551_services extends Migration {
  override name = 'Migration20261123190551_services';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "social"."rehabilitation_route" ("id" uuid not null, "recipient_id" uuid not null, "provider_id" uuid not null, "approved_on" date not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `alter table "social"."rehabilitation_route" add constraint "rehabilitation_route_recipient_id_unique" unique ("recipient_id");`,
    );

    this.addSql(
      `create table "social"."route_goal" ("id" uuid not null, "route_id" uuid not null, "recipient_id" uuid not null, "text" text not null, "target_date" date not null, "status" text not null default 'PLANNED', "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "route_goal_route_id_target_date_index" on "social"."route_goal" ("route_id", "target_date");`,
    );

    this.addSql(
      `create table "social"."service_plan" ("id" uuid not null, "recipient_id" uuid not null, "provider_id" uuid not null, "hours_per_week" numeric(5,2) not null, "from_date" date not null, "to_date" date null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "service_plan_recipient_id_from_date_index" on "social"."service_plan" ("recipient_id", "from_date");`,
    );
    this.addSql(
      `create unique index "service_plan_one_open_per_recipient" on "social"."service_plan" ("recipient_id") where "to_date" is null;`,
    );

    this.addSql(
      `create table "social"."staff_member" ("id" uuid not null, "full_name" varchar(300) not null, "role" text not null, "provider_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "staff_member_provider_id_full_name_id_index" on "social"."staff_member" ("provider_id", "full_name", "id");`,
    );

    this.addSql(
      `create table "social"."team_assignment" ("id" uuid not null, "recipient_id" uuid not null, "staff_member_id" uuid not null, "from_date" date not null, "to_date" date null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "team_assignment_recipient_id_from_date_index" on "social"."team_assignment" ("recipient_id", "from_date");`,
    );
    this.addSql(
      `create unique index "team_assignment_one_open_per_member" on "social"."team_assignment" ("recipient_id", "staff_member_id") where "to_date" is null;`,
    );

    this.addSql(
      `create table "social"."visit" ("id" uuid not null, "recipient_id" uuid not null, "staff_member_id" uuid not null, "planned_at" timestamptz not null, "delivered" boolean not null default false, "hours_delivered" numeric(4,2) null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "visit_staff_member_id_planned_at_index" on "social"."visit" ("staff_member_id", "planned_at");`,
    );
    this.addSql(
      `create index "visit_recipient_id_planned_at_index" on "social"."visit" ("recipient_id", "planned_at");`,
    );

    this.addSql(
      `alter table "social"."rehabilitation_route" add constraint "rehabilitation_route_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."rehabilitation_route" add constraint "rehabilitation_route_provider_id_foreign" foreign key ("provider_id") references "social"."provider" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "social"."route_goal" add constraint "route_goal_route_id_foreign" foreign key ("route_id") references "social"."rehabilitation_route" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "social"."route_goal" add constraint "route_goal_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."route_goal" add constraint "route_goal_text_present" check (length(text) > 0);`,
    );
    this.addSql(
      `alter table "social"."route_goal" add constraint "route_goal_status_check" check ("status" in ('PLANNED', 'IN_PROGRESS', 'ACHIEVED', 'NOT_ACHIEVED', 'CANCELLED'));`,
    );

    this.addSql(
      `alter table "social"."service_plan" add constraint "service_plan_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."service_plan" add constraint "service_plan_provider_id_foreign" foreign key ("provider_id") references "social"."provider" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."service_plan" add constraint "service_plan_hours_range" check (hours_per_week > 0 and hours_per_week <= 168);`,
    );
    this.addSql(
      `alter table "social"."service_plan" add constraint "service_plan_dates_order" check (to_date is null or to_date >= from_date);`,
    );

    this.addSql(
      `alter table "social"."staff_member" add constraint "staff_member_provider_id_foreign" foreign key ("provider_id") references "social"."provider" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."staff_member" add constraint "staff_member_name_present" check (length(full_name) > 0);`,
    );
    this.addSql(
      `alter table "social"."staff_member" add constraint "staff_member_role_check" check ("role" in ('SOCIAL_WORKER', 'SOCIAL_WORK_SPECIALIST', 'REHABILITATION_SPECIALIST', 'PSYCHOLOGIST', 'MEDICAL_WORKER', 'WORK_INSTRUCTOR', 'OTHER_SPECIALIST'));`,
    );

    this.addSql(
      `alter table "social"."team_assignment" add constraint "team_assignment_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."team_assignment" add constraint "team_assignment_staff_member_id_foreign" foreign key ("staff_member_id") references "social"."staff_member" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."team_assignment" add constraint "team_assignment_dates_order" check (to_date is null or to_date >= from_date);`,
    );

    this.addSql(
      `alter table "social"."visit" add constraint "visit_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."visit" add constraint "visit_staff_member_id_foreign" foreign key ("staff_member_id") references "social"."staff_member" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."visit" add constraint "visit_hours_when_delivered" check ((delivered and hours_delivered > 0 and hours_delivered <= 24) or (not delivered and hours_delivered is null));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."route_goal" drop constraint "route_goal_route_id_foreign";`);
    this.addSql(
      `alter table "social"."team_assignment" drop constraint "team_assignment_staff_member_id_foreign";`,
    );
    this.addSql(`alter table "social"."visit" drop constraint "visit_staff_member_id_foreign";`);

    this.addSql(`drop table if exists "social"."rehabilitation_route" cascade;`);
    this.addSql(`drop table if exists "social"."route_goal" cascade;`);
    this.addSql(`drop table if exists "social"."service_plan" cascade;`);
    this.addSql(`drop table if exists "social"."staff_member" cascade;`);
    this.addSql(`drop table if exists "social"."team_assignment" cascade;`);
    this.addSql(`drop table if exists "social"."visit" cascade;`);
  }
}
