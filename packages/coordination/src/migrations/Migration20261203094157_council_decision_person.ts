import { Migration } from '@mikro-orm/migrations';

export class Migration20261203094157_council_decision_person extends Migration {
  override name = 'Migration20261203094157_council_decision_person';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "coordination"."council_decision_person" ("id" uuid not null, "decision_id" uuid not null, "recipient_id" uuid not null, "position" int not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "council_decision_person_recipient_id_index" on "coordination"."council_decision_person" ("recipient_id");`,
    );
    this.addSql(
      `alter table "coordination"."council_decision_person" add constraint "council_decision_person_decision_id_recipient_id_unique" unique ("decision_id", "recipient_id");`,
    );

    this.addSql(
      `alter table "coordination"."council_decision_person" add constraint "council_decision_person_decision_id_foreign" foreign key ("decision_id") references "coordination"."council_decision" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "coordination"."council_decision_person" cascade;`);
  }
}
