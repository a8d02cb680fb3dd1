import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190527_roadmap_council extends Migration {
  override name = 'Migration20261123190527_roadmap_council';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "coordination"."agency_kind" as enum ('GOVERNMENT', 'MINISTRY', 'AGENCY', 'INSTITUTION', 'MUNICIPALITY', 'NGO', 'FEDERAL', 'COUNCIL');`,
    );
    this.addSql(`create type "coordination"."decision_status" as enum ('OPEN', 'DONE', 'CANCELLED');`);
    this.addSql(`create type "coordination"."roadmap_format" as enum ('TEXT', 'DOCX', 'XLSX');`);
    this.addSql(`create type "coordination"."executor_role" as enum ('RESPONSIBLE', 'CO_EXECUTOR');`);
    this.addSql(
      `create type "coordination"."obligation_status" as enum ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED');`,
    );
    this.addSql(
      `create table "coordination"."agency" ("id" uuid not null, "region" varchar(40) not null, "name" varchar(500) not null, "abbreviations" jsonb not null, "kind" "coordination"."agency_kind" not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "agency_region_name_id_index" on "coordination"."agency" ("region", "name", "id");`,
    );
    this.addSql(
      `alter table "coordination"."agency" add constraint "agency_region_name_unique" unique ("region", "name");`,
    );

    this.addSql(
      `create table "coordination"."council_meeting" ("id" uuid not null, "region" varchar(40) not null, "held_on" date not null, "agenda" text not null, "attendees" jsonb not null, "protocol_number" varchar(40) null, "protocol" text null, primary key ("id"));`,
    );
    this.addSql(
      `create index "council_meeting_region_held_on_id_index" on "coordination"."council_meeting" ("region", "held_on", "id");`,
    );

    this.addSql(
      `create table "coordination"."council_decision" ("id" uuid not null, "meeting_id" uuid not null, "number" varchar(20) null, "text" text not null, "assignee_id" uuid not null, "due_date" date not null, "status" "coordination"."decision_status" not null default 'OPEN', "done_on" date null, "done_note" text null, primary key ("id"));`,
    );
    this.addSql(
      `create index "council_decision_assignee_id_due_date_id_index" on "coordination"."council_decision" ("assignee_id", "due_date", "id");`,
    );
    this.addSql(
      `create index "council_decision_status_due_date_id_index" on "coordination"."council_decision" ("status", "due_date", "id");`,
    );
    this.addSql(
      `create index "council_decision_meeting_id_id_index" on "coordination"."council_decision" ("meeting_id", "id");`,
    );

    this.addSql(
      `create table "coordination"."roadmap" ("id" uuid not null, "region" varchar(40) not null, "title" text not null, "period_start_year" int null, "period_end_year" int null, "format" "coordination"."roadmap_format" not null, "filename" varchar(200) not null, "content_hash" char(64) not null, "version" int not null default 1, "imported_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "roadmap_region_imported_at_id_index" on "coordination"."roadmap" ("region", "imported_at", "id");`,
    );
    this.addSql(
      `alter table "coordination"."roadmap" add constraint "roadmap_region_title_unique" unique ("region", "title");`,
    );

    this.addSql(
      `create table "coordination"."roadmap_section" ("id" uuid not null, "roadmap_id" uuid not null, "key" varchar(80) not null, "number" varchar(40) null, "title" text not null, "executors_text" text null, "parent_key" varchar(80) null, "level" int not null, "position" int not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "roadmap_section_roadmap_id_position_index" on "coordination"."roadmap_section" ("roadmap_id", "position");`,
    );
    this.addSql(
      `alter table "coordination"."roadmap_section" add constraint "roadmap_section_roadmap_id_key_unique" unique ("roadmap_id", "key");`,
    );

    this.addSql(
      `create table "coordination"."roadmap_item" ("id" uuid not null, "roadmap_id" uuid not null, "section_id" uuid null, "key" varchar(80) not null, "number" varchar(40) null, "ordinal" int null, "position" int not null, "source_line" int not null, "measure" text not null, "executors_text" text null, "document_type" text null, "problem" text null, "expected_result" text null, "deadline_text" text null, "deadline" jsonb not null, "targets" jsonb not null, "withdrawn" boolean not null default false, primary key ("id"));`,
    );
    this.addSql(
      `create index "roadmap_item_section_id_index" on "coordination"."roadmap_item" ("section_id");`,
    );
    this.addSql(
      `create index "roadmap_item_roadmap_id_position_id_index" on "coordination"."roadmap_item" ("roadmap_id", "position", "id");`,
    );
    this.addSql(
      `alter table "coordination"."roadmap_item" add constraint "roadmap_item_roadmap_id_key_unique" unique ("roadmap_id", "key");`,
    );

    this.addSql(
      `create table "coordination"."item_executor" ("id" uuid not null, "item_id" uuid not null, "agency_id" uuid null, "name_as_written" text not null, "role" "coordination"."executor_role" not null, "position" int not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "item_executor_agency_id_index" on "coordination"."item_executor" ("agency_id");`,
    );
    this.addSql(
      `create index "item_executor_item_id_position_index" on "coordination"."item_executor" ("item_id", "position");`,
    );

    this.addSql(
      `create table "coordination"."council_decision_item" ("council_decision_id" uuid not null, "roadmap_item_id" uuid not null, primary key ("council_decision_id", "roadmap_item_id"));`,
    );

    this.addSql(
      `create table "coordination"."obligation" ("id" uuid not null, "item_id" uuid not null, "roadmap_id" uuid not null, "section_id" uuid null, "responsible_agency_id" uuid null, "period_key" varchar(40) not null, "period_label" varchar(80) not null, "start_date" date null, "due_date" date not null, "status" "coordination"."obligation_status" not null default 'NOT_STARTED', "completed_on" date null, primary key ("id"));`,
    );
    this.addSql(
      `create index "obligation_section_id_due_date_id_index" on "coordination"."obligation" ("section_id", "due_date", "id");`,
    );
    this.addSql(
      `create index "obligation_responsible_agency_id_due_date_id_index" on "coordination"."obligation" ("responsible_agency_id", "due_date", "id");`,
    );
    this.addSql(
      `create index "obligation_status_due_date_id_index" on "coordination"."obligation" ("status", "due_date", "id");`,
    );
    this.addSql(
      `create index "obligation_roadmap_id_due_date_id_index" on "coordination"."obligation" ("roadmap_id", "due_date", "id");`,
    );
    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_item_id_period_key_unique" unique ("item_id", "period_key");`,
    );

    this.addSql(
      `create table "coordination"."progress_report" ("id" uuid not null, "obligation_id" uuid not null, "agency_id" uuid null, "reported_on" date not null, "text" text not null, "figures" jsonb not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "progress_report_obligation_id_reported_on_index" on "coordination"."progress_report" ("obligation_id", "reported_on");`,
    );

    this.addSql(
      `create table "coordination"."evidence_file" ("id" uuid not null, "report_id" uuid not null, "sha256" char(64) not null, "display_name" varchar(200) not null, "media_type" varchar(100) not null, "size" int not null, "content" bytea not null, primary key ("id"));`,
    );
    this.addSql(`create index "evidence_file_sha256_index" on "coordination"."evidence_file" ("sha256");`);
    this.addSql(
      `create index "evidence_file_report_id_index" on "coordination"."evidence_file" ("report_id");`,
    );

    this.addSql(
      `alter table "coordination"."agency" add constraint "agency_name_present" check (length(name) > 0);`,
    );

    this.addSql(
      `alter table "coordination"."council_decision" add constraint "council_decision_meeting_id_foreign" foreign key ("meeting_id") references "coordination"."council_meeting" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."council_decision" add constraint "council_decision_assignee_id_foreign" foreign key ("assignee_id") references "coordination"."agency" ("id");`,
    );
    this.addSql(
      `alter table "coordination"."council_decision" add constraint "council_decision_done_has_date" check ((status = 'DONE') = (done_on is not null));`,
    );

    this.addSql(
      `alter table "coordination"."roadmap_section" add constraint "roadmap_section_roadmap_id_foreign" foreign key ("roadmap_id") references "coordination"."roadmap" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "coordination"."roadmap_item" add constraint "roadmap_item_roadmap_id_foreign" foreign key ("roadmap_id") references "coordination"."roadmap" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."roadmap_item" add constraint "roadmap_item_section_id_foreign" foreign key ("section_id") references "coordination"."roadmap_section" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "coordination"."roadmap_item" add constraint "roadmap_item_measure_present" check (length(measure) > 0);`,
    );

    this.addSql(
      `alter table "coordination"."item_executor" add constraint "item_executor_item_id_foreign" foreign key ("item_id") references "coordination"."roadmap_item" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."item_executor" add constraint "item_executor_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "coordination"."council_decision_item" add constraint "council_decision_item_council_decision_id_foreign" foreign key ("council_decision_id") references "coordination"."council_decision" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."council_decision_item" add constraint "council_decision_item_roadmap_item_id_foreign" foreign key ("roadmap_item_id") references "coordination"."roadmap_item" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_item_id_foreign" foreign key ("item_id") references "coordination"."roadmap_item" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_roadmap_id_foreign" foreign key ("roadmap_id") references "coordination"."roadmap" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_section_id_foreign" foreign key ("section_id") references "coordination"."roadmap_section" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_responsible_agency_id_foreign" foreign key ("responsible_agency_id") references "coordination"."agency" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_done_has_date" check ((status = 'DONE') = (completed_on is not null));`,
    );

    this.addSql(
      `alter table "coordination"."progress_report" add constraint "progress_report_obligation_id_foreign" foreign key ("obligation_id") references "coordination"."obligation" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."progress_report" add constraint "progress_report_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "coordination"."progress_report" add constraint "progress_report_text_present" check (length(text) > 0);`,
    );

    this.addSql(
      `alter table "coordination"."evidence_file" add constraint "evidence_file_report_id_foreign" foreign key ("report_id") references "coordination"."progress_report" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."evidence_file" add constraint "evidence_file_size" check (size > 0 and size = octet_length(content));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "coordination"."council_decision" drop constraint "council_decision_assignee_id_foreign";`,
    );
    this.addSql(
      `alter table "coordination"."item_executor" drop constraint "item_executor_agency_id_foreign";`,
    );
    this.addSql(
      `alter table "coordination"."obligation" drop constraint "obligation_responsible_agency_id_foreign";`,
    );
    this.addSql(
      `alter table "coordination"."progress_report" drop constraint "progress_report_agency_id_foreign";`,
    );
    this.addSql(
      `alter table "coordination"."council_decision" drop constraint "council_decision_meeting_id_foreign";`,
    );
    this.addSql(
      `alter table "coordination"."council_decision_item" drop constraint "council_decision_item_council_decision_id_foreign";`,
    );
    this.addSql(
      `alter table "coordination"."roadmap_section" drop constraint "roadmap_section_roadmap_id_foreign";`,
    );
    this.addSql(
      `alter table "coordination"."roadmap_item" drop constraint "roadmap_item_roadmap_id_foreign";`,
    );
    this.addSql(`alter table "coordination"."obligation" drop constraint "obligation_roadmap_id_foreign";`);
    this.addSql(
      `alter table "coordination"."roadmap_item" drop constraint "roadmap_item_section_id_foreign";`,
    );
    this.addSql(`alter table "coordination"."obligation" drop constraint "obligation_section_id_foreign";`);
    this.addSql(
      `alter table "coordination"."item_executor" drop constraint "item_executor_item_id_foreign";`,
    );
    this.addSql(
      `alter table "coordination"."council_decision_item" drop constraint "council_decision_item_roadmap_item_id_foreign";`,
    );
    this.addSql(`alter table "coordination"."obligation" drop constraint "obligation_item_id_foreign";`);
    this.addSql(
      `alter table "coordination"."progress_report" drop constraint "progress_report_obligation_id_foreign";`,
    );
    this.addSql(
      `alter table "coordination"."evidence_file" drop constraint "evidence_file_report_id_foreign";`,
    );

    this.addSql(`drop table if exists "coordination"."agency" cascade;`);
    this.addSql(`drop table if exists "coordination"."council_meeting" cascade;`);
    this.addSql(`drop table if exists "coordination"."council_decision" cascade;`);
    this.addSql(`drop table if exists "coordination"."roadmap" cascade;`);
    this.addSql(`drop table if exists "coordination"."roadmap_section" cascade;`);
    this.addSql(`drop table if exists "coordination"."roadmap_item" cascade;`);
    this.addSql(`drop table if exists "coordination"."item_executor" cascade;`);
    this.addSql(`drop table if exists "coordination"."council_decision_item" cascade;`);
    this.addSql(`drop table if exists "coordination"."obligation" cascade;`);
    this.addSql(`drop table if exists "coordination"."progress_report" cascade;`);
    this.addSql(`drop table if exists "coordination"."evidence_file" cascade;`);

    this.addSql(`drop type "coordination"."agency_kind";`);
    this.addSql(`drop type "coordination"."decision_status";`);
    this.addSql(`drop type "coordination"."roadmap_format";`);
    this.addSql(`drop type "coordination"."executor_role";`);
    this.addSql(`drop type "coordination"."obligation_status";`);
  }
}
