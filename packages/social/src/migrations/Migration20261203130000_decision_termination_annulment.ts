import { Migration } from '@mikro-orm/migrations';

export class Migration20261203130000_decision_termination_annulment extends Migration {
  override name = 'Migration20261203130000_decision_termination_annulment';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "social"."application" add "decision_annulled_at" timestamptz null, add "decision_annulled_by" varchar(200) null, add "decision_annulment_reason" text null;`,
    );
    this.addSql(
      `alter table "social"."application" add constraint "application_decision_annulment_whole" check ((decision_annulled_at is null) = (decision_annulled_by is null) and (decision_annulled_at is null) = (decision_annulment_reason is null) and (decision_annulled_at is null or decision is not null));`,
    );
    this.addSql(
      `alter table "social"."termination" add "annulled_at" timestamptz null, add "annulled_by" varchar(200) null, add "annulment_reason" text null;`,
    );
    this.addSql(
      `alter table "social"."termination" add constraint "termination_annulment_whole" check ((annulled_at is null) = (annulled_by is null) and (annulled_at is null) = (annulment_reason is null));`,
    );
    this.addSql(`alter table "social"."stage" drop constraint if exists "stage_end_reason_check";`);
    this.addSql(
      `alter table "social"."stage" add constraint "stage_end_reason_check" check ("end_reason" in ('NEXT_STAGE', 'TERMINATED', 'GRANT_ANNULLED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."stage" drop constraint if exists "stage_end_reason_check";`);
    this.addSql(
      `alter table "social"."stage" add constraint "stage_end_reason_check" check ("end_reason" in ('NEXT_STAGE', 'TERMINATED'));`,
    );
    this.addSql(`alter table "social"."termination" drop constraint "termination_annulment_whole";`);
    this.addSql(
      `alter table "social"."termination" drop column "annulled_at", drop column "annulled_by", drop column "annulment_reason";`,
    );
    this.addSql(`alter table "social"."application" drop constraint "application_decision_annulment_whole";`);
    this.addSql(
      `alter table "social"."application" drop column "decision_annulled_at", drop column "decision_annulled_by", drop column "decision_annulment_reason";`,
    );
  }
}
