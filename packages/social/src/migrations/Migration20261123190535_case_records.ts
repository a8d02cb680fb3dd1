import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190535_case_records extends Migration {
  override name = 'Migration20261123190535_case_records';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "social"."assessment" ("id" uuid not null, "recipient_id" uuid not null, "assessed_on" date not null, "assessor" varchar(300) not null, "score" smallint not null, "degree" text not null, "region" varchar(40) not null, "service_type_code" varchar(40) not null, "service_type_name" varchar(200) not null, "hours_min" smallint not null, "hours_max" smallint not null, "hours_per" text not null, "reassessment_due_on" date not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "assessment_reassessment_due_on_index" on "social"."assessment" ("reassessment_due_on");`,
    );
    this.addSql(
      `create index "assessment_recipient_id_assessed_on_index" on "social"."assessment" ("recipient_id", "assessed_on");`,
    );

    this.addSql(
      `create table "social"."application" ("id" uuid not null, "recipient_id" uuid not null, "submitted_on" date not null, "applied_by" text not null, "consent_to_assessment_on" date null, "consent_to_data_processing_on" date null, "status" text not null default 'SUBMITTED', "decision_due_on" date not null, "decision" text null, "refusal_ground" text null, "decided_on" date null, "assessment_id" uuid null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "application_status_decision_due_on_index" on "social"."application" ("status", "decision_due_on");`,
    );
    this.addSql(
      `create index "application_recipient_id_submitted_on_index" on "social"."application" ("recipient_id", "submitted_on");`,
    );

    this.addSql(
      `create table "social"."interagency_request" ("id" uuid not null, "recipient_id" uuid not null, "application_id" uuid null, "agency" varchar(200) not null, "subject" text not null, "sent_on" date not null, "due_on" date not null, "answered_on" date null, "answer" text null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "interagency_request_due_on_index" on "social"."interagency_request" ("due_on");`,
    );
    this.addSql(
      `create index "interagency_request_recipient_id_sent_on_index" on "social"."interagency_request" ("recipient_id", "sent_on");`,
    );

    this.addSql(
      `create table "social"."application_document" ("id" uuid not null, "application_id" uuid not null, "kind" text not null, "received_on" date not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "social"."application_document" add constraint "application_document_application_id_kind_unique" unique ("application_id", "kind");`,
    );

    this.addSql(
      `alter table "social"."assessment" add constraint "assessment_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."assessment" add constraint "assessment_reassessment_after" check (reassessment_due_on > assessed_on);`,
    );
    this.addSql(
      `alter table "social"."assessment" add constraint "assessment_hours_order" check (hours_min <= hours_max);`,
    );
    this.addSql(
      `alter table "social"."assessment" add constraint "assessment_score_range" check (score >= 23 and score <= 272);`,
    );
    this.addSql(
      `alter table "social"."assessment" add constraint "assessment_degree_check" check ("degree" in ('I', 'II', 'III', 'IV'));`,
    );
    this.addSql(
      `alter table "social"."assessment" add constraint "assessment_hours_per_check" check ("hours_per" in ('WEEK', 'DAY'));`,
    );

    this.addSql(
      `alter table "social"."application" add constraint "application_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_assessment_id_foreign" foreign key ("assessment_id") references "social"."assessment" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_decided_after_submitted" check (decided_on >= submitted_on);`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_grant_has_assessment" check (decision is distinct from 'GRANTED' or assessment_id is not null);`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_refusal_has_ground" check (coalesce(decision = 'REFUSED', false) = (refusal_ground is not null));`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_decision_dated" check ((decision is null) = (decided_on is null));`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_decided_has_decision" check ((status = 'DECIDED') = (decision is not null));`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_applied_by_check" check ("applied_by" in ('PERSON', 'REPRESENTATIVE'));`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_status_check" check ("status" in ('SUBMITTED', 'UNDER_REVIEW', 'DECIDED'));`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_decision_check" check ("decision" in ('GRANTED', 'REFUSED', 'OTHER_FORM'));`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_refusal_ground_check" check ("refusal_ground" in ('NO_DEGREE', 'DOCUMENTS_NOT_SUBMITTED', 'ASSESSMENT_REFUSED', 'OTHER_FORM_CHOSEN'));`,
    );

    this.addSql(
      `alter table "social"."interagency_request" add constraint "interagency_request_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."interagency_request" add constraint "interagency_request_application_id_foreign" foreign key ("application_id") references "social"."application" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."interagency_request" add constraint "interagency_request_due_after_sent" check (due_on >= sent_on);`,
    );
    this.addSql(
      `alter table "social"."interagency_request" add constraint "interagency_request_answer_after_sent" check (answered_on >= sent_on);`,
    );
    this.addSql(
      `alter table "social"."interagency_request" add constraint "interagency_request_answer_dated" check ((answered_on is null) = (answer is null));`,
    );
    this.addSql(
      `alter table "social"."interagency_request" add constraint "interagency_request_subject_check" check ("subject" in ('RESIDENCE_REGISTRATION', 'DISABILITY_FACT', 'IPRA', 'MEDICAL_CONCLUSION'));`,
    );

    this.addSql(
      `alter table "social"."application_document" add constraint "application_document_application_id_foreign" foreign key ("application_id") references "social"."application" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "social"."application_document" add constraint "application_document_kind_check" check ("kind" in ('IDENTITY_DOCUMENT', 'IPPSU', 'MEDICAL_CONCLUSION', 'REPRESENTATIVE_IDENTITY', 'REPRESENTATIVE_AUTHORITY'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."application" drop constraint "application_assessment_id_foreign";`);
    this.addSql(
      `alter table "social"."interagency_request" drop constraint "interagency_request_application_id_foreign";`,
    );
    this.addSql(
      `alter table "social"."application_document" drop constraint "application_document_application_id_foreign";`,
    );

    this.addSql(`drop table if exists "social"."assessment" cascade;`);
    this.addSql(`drop table if exists "social"."application" cascade;`);
    this.addSql(`drop table if exists "social"."interagency_request" cascade;`);
    this.addSql(`drop table if exists "social"."application_document" cascade;`);
  }
}
