import { Migration } from '@mikro-orm/migrations';

export class Migration20261203100000_password_change extends Migration {
  override name = 'Migration20261203100000_password_change';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "access"."account" add column "must_change_password" boolean not null default false;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "access"."account" drop column "must_change_password";`);
  }
}
