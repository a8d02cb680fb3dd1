import { Migration } from '@mikro-orm/migrations';

export class Migration20261203124638_council_numbering extends Migration {
  override name = 'Migration20261203124638_council_numbering';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "coordination"."council_meeting" add constraint "council_meeting_region_protocol_number_unique" unique ("region", "protocol_number");`,
    );

    this.addSql(
      `alter table "coordination"."council_decision" add constraint "council_decision_meeting_id_number_unique" unique ("meeting_id", "number");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "coordination"."council_decision" drop constraint "council_decision_meeting_id_number_unique";`,
    );

    this.addSql(
      `alter table "coordination"."council_meeting" drop constraint "council_meeting_region_protocol_number_unique";`,
    );
  }
}
