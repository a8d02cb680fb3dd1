import { Migration } from '@mikro-orm/migrations';

/** Roadmap items keep their footnotes apart from their text (seed 004 item 4.4.1). */
export class Migration20261203125338_roadmap_footnotes extends Migration {
  override name = 'Migration20261203125338_roadmap_footnotes';

  override up(): void {
    this.addSql(`alter table "coordination"."roadmap_item" add "footnotes" jsonb not null default '[]';`);
  }

  override down(): void {
    this.addSql(`alter table "coordination"."roadmap_item" drop column "footnotes";`);
  }
}
