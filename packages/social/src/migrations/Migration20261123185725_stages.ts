import { Migration } from '@mikro-orm/migrations';

export class Migration20261123185725_stages extends Migration {
  override name = 'Migration20261123185725_stages';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "social"."stage" ("id" uuid not null, "recipient_id" uuid not null, "kind" text not null, "started_on" date not null, "ended_on" date null, "end_reason" text null, "termination_reason" text null, "provider_id" uuid null, "service_type" text null, "planned_hours" smallint null, "planned_hours_per" text null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "stage_recipient_id_started_on_index" on "social"."stage" ("recipient_id", "started_on");`,
    );
    this.addSql(
      `create unique index "stage_one_open_per_recipient" on "social"."stage" ("recipient_id") where ended_on is null;`,
    );

    this.addSql(
      `create table "social"."readiness_review" ("id" uuid not null, "stage_id" uuid not null, "recipient_id" uuid not null, "ordinal" smallint not null, "period" smallint not null, "reviewed_on" date not null, "outcome" text not null, "note" varchar(2000) not null default '', "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `alter table "social"."readiness_review" add constraint "readiness_review_ordinal_unique" unique ("stage_id", "ordinal");`,
    );
    this.addSql(
      `alter table "social"."readiness_review" add constraint "readiness_review_one_per_window" unique ("stage_id", "period");`,
    );

    this.addSql(
      `create table "social"."termination" ("id" uuid not null, "recipient_id" uuid not null, "stage_id" uuid not null, "reason" text not null, "ground_on" date not null, "requested_on" date null, "effective_on" date not null, "note" varchar(2000) not null default '', "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "termination_recipient_id_effective_on_index" on "social"."termination" ("recipient_id", "effective_on");`,
    );
    this.addSql(
      `alter table "social"."termination" add constraint "termination_one_per_stage" unique ("stage_id");`,
    );

    this.addSql(
      `alter table "social"."stage" add constraint "stage_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_main_service" check ((kind = 'MAIN' and service_type is not null and planned_hours > 0 and planned_hours_per is not null) or (kind <> 'MAIN' and service_type is null and planned_hours is null and planned_hours_per is null));`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_termination_reason" check ((end_reason = 'TERMINATED' and termination_reason is not null) or (end_reason is distinct from 'TERMINATED' and termination_reason is null));`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_end_reason_with_end" check ((ended_on is null) = (end_reason is null));`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_dates_ordered" check (ended_on is null or ended_on >= started_on);`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_kind_check" check ("kind" in ('PREPARATORY', 'TRAINING', 'MAIN'));`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_end_reason_check" check ("end_reason" in ('NEXT_STAGE', 'TERMINATED'));`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_termination_reason_check" check ("termination_reason" in ('PERSONAL_INITIATIVE', 'TERM_EXPIRED', 'CONTRACT_VIOLATION', 'PERSISTENT_IMPAIRMENT', 'DEATH', 'PROVIDER_LIQUIDATED'));`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_service_type_check" check ("service_type" in ('TYPE_1', 'TYPE_2', 'TYPE_3', 'TYPE_4', 'PERIODIC', 'REGULAR'));`,
    );
    this.addSql(
      `alter table "social"."stage" add constraint "stage_planned_hours_per_check" check ("planned_hours_per" in ('DAY', 'WEEK'));`,
    );

    this.addSql(
      `alter table "social"."readiness_review" add constraint "readiness_review_stage_id_foreign" foreign key ("stage_id") references "social"."stage" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."readiness_review" add constraint "readiness_review_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."readiness_review" add constraint "readiness_review_numbers_positive" check (ordinal >= 1 and period >= 1);`,
    );
    this.addSql(
      `alter table "social"."readiness_review" add constraint "readiness_review_outcome_check" check ("outcome" in ('READY', 'NOT_READY'));`,
    );

    this.addSql(
      `alter table "social"."termination" add constraint "termination_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."termination" add constraint "termination_stage_id_foreign" foreign key ("stage_id") references "social"."stage" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."termination" add constraint "termination_requested_after_ground" check (requested_on is null or requested_on >= ground_on);`,
    );
    this.addSql(
      `alter table "social"."termination" add constraint "termination_reason_check" check ("reason" in ('PERSONAL_INITIATIVE', 'TERM_EXPIRED', 'CONTRACT_VIOLATION', 'PERSISTENT_IMPAIRMENT', 'DEATH', 'PROVIDER_LIQUIDATED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "social"."readiness_review" drop constraint "readiness_review_stage_id_foreign";`,
    );
    this.addSql(`alter table "social"."termination" drop constraint "termination_stage_id_foreign";`);

    this.addSql(`drop table if exists "social"."stage" cascade;`);
    this.addSql(`drop table if exists "social"."readiness_review" cascade;`);
    this.addSql(`drop table if exists "social"."termination" cascade;`);
  }
}
