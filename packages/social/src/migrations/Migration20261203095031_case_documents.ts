import { Migration } from '@mikro-orm/migrations';

export class Migration20261203095031_case_documents extends Migration {
  override name = 'Migration20261203095031_case_documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "social"."decision_notice" ("id" uuid not null, "application_id" uuid not null, "recipient_id" uuid not null, "informed_on" date not null, "method" text not null, "letter_generated" boolean not null default false, "note" varchar(500) null, "recorded_by" varchar(200) not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "decision_notice_recipient_id_index" on "social"."decision_notice" ("recipient_id");`,
    );
    this.addSql(
      `alter table "social"."decision_notice" add constraint "decision_notice_application_id_method_informed_on_unique" unique ("application_id", "method", "informed_on");`,
    );

    this.addSql(
      `create table "social"."case_document" ("id" uuid not null, "recipient_id" uuid not null, "kind" text not null, "application_id" uuid null, "checklist_item" text null, "file_name" varchar(200) not null, "media_type" varchar(100) not null, "size" int not null, "sha256" char(64) not null, "uploaded_at" timestamptz not null default now(), "uploaded_by_id" varchar(100) not null, "uploaded_by" varchar(200) not null, "content" bytea not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "case_document_application_id_checklist_item_index" on "social"."case_document" ("application_id", "checklist_item");`,
    );
    this.addSql(
      `create index "case_document_recipient_id_uploaded_at_index" on "social"."case_document" ("recipient_id", "uploaded_at");`,
    );

    this.addSql(
      `alter table "social"."decision_notice" add constraint "decision_notice_application_id_foreign" foreign key ("application_id") references "social"."application" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."decision_notice" add constraint "decision_notice_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."decision_notice" add constraint "decision_notice_method_check" check ("method" in ('HANDED', 'POST', 'EMAIL', 'PORTAL', 'PHONE'));`,
    );

    this.addSql(
      `alter table "social"."case_document" add constraint "case_document_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."case_document" add constraint "case_document_application_id_foreign" foreign key ("application_id") references "social"."application" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."case_document" add constraint "case_document_item_has_application" check (checklist_item is null or application_id is not null);`,
    );
    this.addSql(
      `alter table "social"."case_document" add constraint "case_document_size" check (size > 0 and size = octet_length(content));`,
    );
    this.addSql(
      `alter table "social"."case_document" add constraint "case_document_kind_check" check ("kind" in ('SIGNED_APPLICATION', 'IDENTITY_DOCUMENT', 'IPPSU', 'MEDICAL_CONCLUSION', 'REPRESENTATIVE_IDENTITY', 'POWER_OF_ATTORNEY', 'COURT_DECISION', 'CONSENT', 'OTHER'));`,
    );
    this.addSql(
      `alter table "social"."case_document" add constraint "case_document_checklist_item_check" check ("checklist_item" in ('IDENTITY_DOCUMENT', 'IPPSU', 'MEDICAL_CONCLUSION', 'REPRESENTATIVE_IDENTITY', 'REPRESENTATIVE_AUTHORITY'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "social"."decision_notice" cascade;`);
    this.addSql(`drop table if exists "social"."case_document" cascade;`);
  }
}
