import { Migration } from '@mikro-orm/migrations';

export class Migration20261123192741_conclusions_rehabilitation_answers extends Migration {
  override name = 'Migration20261123192741_conclusions_rehabilitation_answers';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "health"."rehabilitation_setting" as enum ('INPATIENT', 'DAY_HOSPITAL', 'OUTPATIENT');`,
    );
    this.addSql(
      `create table "health"."mobile_team_visit" ("id" uuid not null, "recipient_id" uuid not null, "visited_on" date not null, "team" varchar(300) not null, "help" text not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "mobile_team_visit_visited_on_index" on "health"."mobile_team_visit" ("visited_on");`,
    );
    this.addSql(
      `create index "mobile_team_visit_recipient_id_visited_on_index" on "health"."mobile_team_visit" ("recipient_id", "visited_on");`,
    );

    this.addSql(
      `create table "health"."rehabilitation_episode" ("id" uuid not null, "recipient_id" uuid not null, "setting" "health"."rehabilitation_setting" not null, "organisation" varchar(300) not null, "condition" varchar(8) null, "start_date" date not null, "end_date" date null, primary key ("id"));`,
    );
    this.addSql(
      `create index "rehabilitation_episode_recipient_id_start_date_index" on "health"."rehabilitation_episode" ("recipient_id", "start_date");`,
    );

    this.addSql(
      `create table "health"."request_answer" ("id" uuid not null, "request_id" uuid not null, "recipient_id" uuid not null, "conclusion_id" uuid not null, "answered_on" date not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "request_answer_answered_on_index" on "health"."request_answer" ("answered_on");`,
    );
    this.addSql(
      `alter table "health"."request_answer" add constraint "request_answer_request_id_unique" unique ("request_id");`,
    );

    this.addSql(`alter table "health"."medical_conclusion" add "conditions" text[] not null default '{}';`);
    this.addSql(
      `create index "medical_conclusion_issued_on_index" on "health"."medical_conclusion" ("issued_on");`,
    );
    this.addSql(
      `alter table "health"."medical_conclusion" add constraint "medical_conclusion_valid_after_issue" check (valid_until is null or valid_until >= issued_on);`,
    );
    // Conclusions recorded before conditions were coded may say "contraindications" with no
    // condition: rather than invent ICD-10 codes, they are kept whole in medical_conclusion_legacy
    // for the ministry to enter again with their conditions.
    this.addSql(
      `do $$ begin if exists (select 1 from "health"."medical_conclusion" where contraindications_present <> (cardinality(conditions) > 0)) then create table "health"."medical_conclusion_legacy" as select * from "health"."medical_conclusion" where contraindications_present <> (cardinality(conditions) > 0); delete from "health"."medical_conclusion" where contraindications_present <> (cardinality(conditions) > 0); end if; end $$;`,
    );
    this.addSql(
      `alter table "health"."medical_conclusion" add constraint "medical_conclusion_conditions_match" check (contraindications_present = (cardinality(conditions) > 0));`,
    );

    this.addSql(
      `alter table "health"."rehabilitation_episode" add constraint "rehabilitation_episode_dates_order" check (end_date is null or end_date >= start_date);`,
    );

    this.addSql(
      `alter table "health"."request_answer" add constraint "request_answer_conclusion_id_foreign" foreign key ("conclusion_id") references "health"."medical_conclusion" ("id") on delete restrict;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "health"."mobile_team_visit" cascade;`);
    this.addSql(`drop table if exists "health"."rehabilitation_episode" cascade;`);
    this.addSql(`drop table if exists "health"."request_answer" cascade;`);

    this.addSql(`drop index "health"."medical_conclusion_issued_on_index";`);
    this.addSql(
      `alter table "health"."medical_conclusion" drop constraint "medical_conclusion_valid_after_issue";`,
    );
    this.addSql(
      `alter table "health"."medical_conclusion" drop constraint "medical_conclusion_conditions_match";`,
    );
    this.addSql(`alter table "health"."medical_conclusion" drop column "conditions";`);

    this.addSql(`drop type "health"."rehabilitation_setting";`);
  }
}
