import { Migration } from '@mikro-orm/migrations';

export class Migration20261123210607_council_decision_people extends Migration {
  override name = 'Migration20261123210607_council_decision_people';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "coordination"."people_indicator" as enum ('PEOPLE_IDENTIFIED', 'PEOPLE_IN_SUPPORTED_LIVING', 'PEOPLE_IN_EDUCATION', 'PEOPLE_EMPLOYED', 'PEOPLE_IN_SUPPORTED_EMPLOYMENT');`,
    );
    this.addSql(
      `alter table "coordination"."council_decision" add "people_count" int null, add "people_indicator" "coordination"."people_indicator" null;`,
    );
    this.addSql(
      `alter table "coordination"."council_decision" add constraint "council_decision_indicator_has_count" check (people_indicator is null or people_count is not null);`,
    );
    this.addSql(
      `alter table "coordination"."council_decision" add constraint "council_decision_people_count_positive" check (people_count is null or people_count > 0);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "coordination"."council_decision" drop constraint "council_decision_indicator_has_count";`,
    );
    this.addSql(
      `alter table "coordination"."council_decision" drop constraint "council_decision_people_count_positive";`,
    );
    this.addSql(
      `alter table "coordination"."council_decision" drop column "people_count", drop column "people_indicator";`,
    );

    this.addSql(`drop type "coordination"."people_indicator";`);
  }
}
