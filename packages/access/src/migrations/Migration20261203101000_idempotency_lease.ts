import { Migration } from '@mikro-orm/migrations';

export class Migration20261203101000_idempotency_lease extends Migration {
  override name = 'Migration20261203101000_idempotency_lease';

  override up(): void | Promise<void> {
    this.addSql(`alter table "access"."idempotent_request" add column "lease_until" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "access"."idempotent_request" drop column "lease_until";`);
  }
}
