import { Migration } from '@mikro-orm/migrations';

export class Migration20261203095252_accountability extends Migration {
  override name = 'Migration20261203095252_accountability';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "coordination"."decision_report" ("id" uuid not null, "decision_id" uuid not null, "agency_id" uuid not null, "author_id" varchar(64) not null, "author_name" varchar(200) not null, "reported_on" date not null, "text" text not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "decision_report_decision_id_reported_on_index" on "coordination"."decision_report" ("decision_id", "reported_on");`,
    );

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
      `alter table "coordination"."council_decision" add constraint "council_decision_assignee_id_foreign" foreign key ("assignee_id") references "coordination"."agency" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "coordination"."item_executor" add constraint "item_executor_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_responsible_agency_id_foreign" foreign key ("responsible_agency_id") references "coordination"."agency" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "coordination"."progress_report" add "author_id" varchar(64) null, add "author_name" varchar(200) null;`,
    );
    this.addSql(
      `alter table "coordination"."progress_report" add constraint "progress_report_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "coordination"."evidence_file" add "decision_report_id" uuid null;`);
    this.addSql(
      `alter table "coordination"."evidence_file" add constraint "evidence_file_decision_report_id_foreign" foreign key ("decision_report_id") references "coordination"."decision_report" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "coordination"."evidence_file" alter column "report_id" drop not null;`);
    this.addSql(
      `create index "evidence_file_decision_report_id_index" on "coordination"."evidence_file" ("decision_report_id");`,
    );
    this.addSql(
      `alter table "coordination"."evidence_file" add constraint "evidence_file_one_report" check ((report_id is null) <> (decision_report_id is null));`,
    );

    this.addSql(
      `alter table "coordination"."decision_report" add constraint "decision_report_decision_id_foreign" foreign key ("decision_id") references "coordination"."council_decision" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "coordination"."decision_report" add constraint "decision_report_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "coordination"."decision_report" add constraint "decision_report_text_present" check (length(text) > 0);`,
    );
    this.addSql(
      `create trigger decision_report_figures_version after insert or update or delete or truncate on coordination.decision_report for each statement execute function coordination.bump_figures_version();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "coordination"."evidence_file" drop constraint "evidence_file_decision_report_id_foreign";`,
    );

    this.addSql(
      `drop trigger if exists "decision_report_figures_version" on "coordination"."decision_report";`,
    );
    this.addSql(
      `drop function if exists "coordination"."decision_report_decision_report_figures_version_fn"();`,
    );
    this.addSql(`drop table if exists "coordination"."decision_report" cascade;`);

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
      `alter table "coordination"."council_decision" add constraint "council_decision_assignee_id_foreign" foreign key ("assignee_id") references "coordination"."agency" ("id") on update no action on delete no action;`,
    );

    this.addSql(`drop index "coordination"."evidence_file_decision_report_id_index";`);
    this.addSql(`alter table "coordination"."evidence_file" drop constraint "evidence_file_one_report";`);
    this.addSql(`alter table "coordination"."evidence_file" drop column "decision_report_id";`);
    this.addSql(`alter table "coordination"."evidence_file" alter column "report_id" set not null;`);

    this.addSql(
      `alter table "coordination"."item_executor" add constraint "item_executor_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update no action on delete set null;`,
    );

    this.addSql(
      `alter table "coordination"."obligation" add constraint "obligation_responsible_agency_id_foreign" foreign key ("responsible_agency_id") references "coordination"."agency" ("id") on update no action on delete set null;`,
    );

    this.addSql(
      `alter table "coordination"."progress_report" drop column "author_id", drop column "author_name";`,
    );
    this.addSql(
      `alter table "coordination"."progress_report" add constraint "progress_report_agency_id_foreign" foreign key ("agency_id") references "coordination"."agency" ("id") on update no action on delete set null;`,
    );
  }
}
