import { Migration } from '@mikro-orm/migrations';

export class Migration20261123210157_consent_and_case_coordinator extends Migration {
  override name = 'Migration20261123210157_consent_and_case_coordinator';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "social"."consent_event" ("id" uuid not null, "recipient_id" uuid not null, "kind" text not null, "shared_with" text null, "agency_id" varchar(200) null, "action" text not null, "effective_on" date not null, "document" varchar(300) null, "recorded_at" timestamptz not null, "recorded_by" varchar(200) not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "consent_event_recipient_id_kind_effective_on_index" on "social"."consent_event" ("recipient_id", "kind", "effective_on");`,
    );

    this.addSql(`alter table "social"."recipient" add "case_coordinator_id" uuid null;`);
    this.addSql(
      `create index "recipient_case_coordinator_id_index" on "social"."recipient" ("case_coordinator_id");`,
    );

    this.addSql(
      `alter table "social"."consent_event" add constraint "consent_event_recipient_id_foreign" foreign key ("recipient_id") references "social"."recipient" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "social"."consent_event" add constraint "consent_event_agency_only_for_sharing" check (agency_id is null or kind = 'SHARING');`,
    );
    this.addSql(
      `alter table "social"."consent_event" add constraint "consent_event_sharing_names_ministry" check ((kind = 'SHARING') = (shared_with is not null));`,
    );
    this.addSql(
      `alter table "social"."consent_event" add constraint "consent_event_kind_check" check ("kind" in ('ASSESSMENT', 'PERSONAL_DATA', 'SHARING'));`,
    );
    this.addSql(
      `alter table "social"."consent_event" add constraint "consent_event_shared_with_check" check ("shared_with" in ('HEALTH', 'EDUCATION', 'EMPLOYMENT'));`,
    );
    this.addSql(
      `alter table "social"."consent_event" add constraint "consent_event_action_check" check ("action" in ('GIVEN', 'WITHDRAWN'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "social"."consent_event" cascade;`);

    this.addSql(`drop index "social"."recipient_case_coordinator_id_index";`);
    this.addSql(`alter table "social"."recipient" drop column "case_coordinator_id";`);
  }
}
