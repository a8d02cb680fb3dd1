import { Migration } from '@mikro-orm/migrations';

export class Migration20261123213444_idempotency extends Migration {
  override name = 'Migration20261123213444_idempotency';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "access"."idempotent_request" ("caller_hash" char(64) not null, "key" varchar(255) not null, "request_hash" char(64) not null, "created_at" timestamptz not null, "status" smallint null, "response" text null, primary key ("caller_hash", "key"));`,
    );
    this.addSql(
      `create index "idempotent_request_created_at_index" on "access"."idempotent_request" ("created_at");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "access"."idempotent_request" cascade;`);
  }
}
