import { Migration } from '@mikro-orm/migrations';

export class Migration20261123215310_recipient_version extends Migration {
  override name = 'Migration20261123215310_recipient_version';

  override up(): void | Promise<void> {
    this.addSql(`alter table "social"."recipient" add "version" int not null default 1;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."recipient" drop column "version";`);
  }
}
