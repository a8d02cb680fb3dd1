import { Migration } from '@mikro-orm/migrations';

export class Migration20261123193220_pmpk_guidance_study_form extends Migration {
  override name = 'Migration20261123193220_pmpk_guidance_study_form';

  override up(): void | Promise<void> {
    this.addSql(`create type "education"."study_form" as enum ('FULL_TIME', 'PART_TIME', 'DISTANCE');`);
    this.addSql(
      `create table "education"."guidance_session" ("id" uuid not null, "recipient_id" uuid not null, "held_on" date not null, "organisation" varchar(300) not null, "suggested_professions" text[] not null default '{}', primary key ("id"));`,
    );
    this.addSql(
      `create index "guidance_session_held_on_index" on "education"."guidance_session" ("held_on");`,
    );
    this.addSql(
      `create index "guidance_session_recipient_id_held_on_index" on "education"."guidance_session" ("recipient_id", "held_on");`,
    );

    this.addSql(
      `create table "education"."pmpk_recommendation" ("id" uuid not null, "recipient_id" uuid not null, "issued_on" date not null, "commission" varchar(300) not null, "programme" varchar(300) not null, "conditions" text null, primary key ("id"));`,
    );
    this.addSql(
      `create index "pmpk_recommendation_issued_on_index" on "education"."pmpk_recommendation" ("issued_on");`,
    );
    this.addSql(
      `create index "pmpk_recommendation_recipient_id_issued_on_index" on "education"."pmpk_recommendation" ("recipient_id", "issued_on");`,
    );

    this.addSql(
      `alter table "education"."enrolment" add "form" "education"."study_form" not null default 'FULL_TIME';`,
    );
    this.addSql(`create index "enrolment_start_date_index" on "education"."enrolment" ("start_date");`);
    this.addSql(
      `alter table "education"."enrolment" add constraint "enrolment_active_has_no_end" check ((status = 'ACTIVE') = (end_date is null));`,
    );
    this.addSql(
      `alter table "education"."enrolment" add constraint "enrolment_dates_order" check (end_date is null or end_date >= start_date);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "education"."guidance_session" cascade;`);
    this.addSql(`drop table if exists "education"."pmpk_recommendation" cascade;`);

    this.addSql(`drop index "education"."enrolment_start_date_index";`);
    this.addSql(`alter table "education"."enrolment" drop constraint "enrolment_active_has_no_end";`);
    this.addSql(`alter table "education"."enrolment" drop constraint "enrolment_dates_order";`);
    this.addSql(`alter table "education"."enrolment" drop column "form";`);

    this.addSql(`drop type "education"."study_form";`);
  }
}
