import { Migration } from '@mikro-orm/migrations';

export class Migration20261203070837_case_rules extends Migration {
  override name = 'Migration20261203070837_case_rules';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "social"."interagency_answer" ("id" uuid not null, "request_id" uuid not null, "source" text not null, "answered_on" date not null, "answer" text not null, "document" varchar(300) null, "answer_record_id" uuid null, "contraindications_present" boolean null, "in_force" boolean not null, "recorded_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "interagency_answer_request_id_recorded_at_index" on "social"."interagency_answer" ("request_id", "recorded_at");`,
    );

    this.addSql(
      `alter table "social"."application" add "assessment_refused_on" date null, add "other_form_chosen_on" date null, add "other_form_chosen" varchar(300) null, add "refusal_missing_documents" text[] not null default '{}', add "contraindication_override" varchar(2000) null, add "need_until" date null;`,
    );

    this.addSql(
      `alter table "social"."interagency_request" add "answer_source" text null, add "contraindications_present" boolean null;`,
    );
    this.addSql(
      `alter table "social"."interagency_request" add constraint "interagency_request_answer_source_check" check ("answer_source" in ('AGENCY', 'PAPER'));`,
    );
    // Answers recorded before this migration: an answer naming the ministry's record came from the
    // ministry in the graph, any other was typed in by a coordinator from a paper answer whose
    // document was not recorded then. Each becomes the first entry of the request's history.
    this.addSql(
      `update "social"."interagency_request" set "answer_source" = case when "answer_record_id" is not null then 'AGENCY' else 'PAPER' end where "answered_on" is not null;`,
    );
    this.addSql(
      `alter table "social"."interagency_request" add constraint "interagency_request_answer_source_with_answer" check ((answered_on is null) = (answer_source is null));`,
    );

    this.addSql(`alter table "social"."application_document" add "valid_until" date null;`);

    this.addSql(`alter table "social"."service_plan" add "hours_override_reason" varchar(2000) null;`);

    this.addSql(`alter table "social"."termination" alter column "stage_id" drop not null;`);

    this.addSql(
      `alter table "social"."interagency_answer" add constraint "interagency_answer_request_id_foreign" foreign key ("request_id") references "social"."interagency_request" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "social"."interagency_answer" add constraint "interagency_answer_paper_has_document" check (source <> 'PAPER' or document is not null);`,
    );
    this.addSql(
      `alter table "social"."interagency_answer" add constraint "interagency_answer_source_check" check ("source" in ('AGENCY', 'PAPER'));`,
    );
    this.addSql(
      `insert into "social"."interagency_answer" ("id", "request_id", "source", "answered_on", "answer", "document", "answer_record_id", "in_force", "recorded_at") select gen_random_uuid(), "id", "answer_source", "answered_on", "answer", case when "answer_source" = 'PAPER' then 'реквизиты не записаны (ответ внесён до их учёта)' end, "answer_record_id", true, "created_at" from "social"."interagency_request" where "answered_on" is not null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "social"."interagency_answer" cascade;`);

    this.addSql(
      `alter table "social"."application" drop column "assessment_refused_on", drop column "other_form_chosen_on", drop column "other_form_chosen", drop column "refusal_missing_documents", drop column "contraindication_override", drop column "need_until";`,
    );

    this.addSql(`alter table "social"."application_document" drop column "valid_until";`);

    this.addSql(
      `alter table "social"."interagency_request" drop constraint "interagency_request_answer_source_check";`,
    );
    this.addSql(
      `alter table "social"."interagency_request" drop constraint "interagency_request_answer_source_with_answer";`,
    );
    this.addSql(
      `alter table "social"."interagency_request" drop column "answer_source", drop column "contraindications_present";`,
    );

    this.addSql(`alter table "social"."service_plan" drop column "hours_override_reason";`);

    this.addSql(`alter table "social"."termination" alter column "stage_id" set not null;`);
  }
}
