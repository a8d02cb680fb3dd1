import { Migration } from '@mikro-orm/migrations';

export class Migration20261203094311_assessment_questionnaire extends Migration {
  override name = 'Migration20261203094311_assessment_questionnaire';

  override up(): void | Promise<void> {
    this.addSql(`alter table "social"."assessment" add "answers" jsonb null;`);
    this.addSql(
      `alter table "social"."assessment" add constraint "assessment_answers_list" check (answers is null or jsonb_typeof(answers) = 'array');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."assessment" drop constraint "assessment_answers_list";`);
    this.addSql(`alter table "social"."assessment" drop column "answers";`);
  }
}
