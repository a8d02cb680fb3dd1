import { Migration } from '@mikro-orm/migrations';

export class Migration20261203102337_assessment_annulment extends Migration {
  override name = 'Migration20261203102337_assessment_annulment';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "social"."assessment" add "annulled_at" timestamptz null, add "annulled_by" varchar(200) null, add "annulment_reason" text null;`,
    );
    this.addSql(
      `alter table "social"."assessment" add constraint "assessment_annulment_whole" check ((annulled_at is null) = (annulled_by is null) and (annulled_at is null) = (annulment_reason is null));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."assessment" drop constraint "assessment_annulment_whole";`);
    this.addSql(
      `alter table "social"."assessment" drop column "annulled_at", drop column "annulled_by", drop column "annulment_reason";`,
    );
  }
}
