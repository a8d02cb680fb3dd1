import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190548_init extends Migration {
  override name = 'Migration20261123190548_init';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "access";`);
    this.addSql(
      `create table "access"."account" ("id" uuid not null, "login" varchar(64) not null, "display_name" varchar(200) not null, "password_hash" varchar(200) not null, "roles" text[] not null, "agency_id" varchar(200) null, "provider_id" uuid null, "active" boolean not null default true, "failed_attempts" int not null default 0, "locked_until" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "access"."account" add constraint "account_login_unique" unique ("login");`);

    this.addSql(
      `create table "access"."api_client" ("id" uuid not null, "name" varchar(200) not null, "agency_id" varchar(200) not null, "roles" text[] not null, "secret_hash" char(64) not null, "previous_secret_hash" char(64) null, "previous_secret_valid_until" timestamptz null, "allowed_operations" text[] null, "created_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "access"."api_client" add constraint "api_client_name_unique" unique ("name");`);

    this.addSql(
      `create table "access"."audit_event" ("id" bigserial primary key, "occurred_at" timestamptz not null, "request_id" varchar(64) not null, "subgraph" varchar(32) not null, "operation" varchar(200) null, "actor_kind" varchar(16) not null, "actor_id" varchar(64) null, "actor_name" varchar(200) null, "agency_id" varchar(200) null, "roles" jsonb not null, "ip" varchar(64) null, "action" text not null, "recipient_id" uuid null, "fields" jsonb null, "entity" varchar(64) null, "entity_id" varchar(64) null, "before" jsonb null, "after" jsonb null, "break_glass" boolean not null default false);`,
    );
    this.addSql(
      `create index "audit_event_occurred_at_id_index" on "access"."audit_event" ("occurred_at", "id");`,
    );
    this.addSql(
      `create index "audit_event_actor_id_occurred_at_index" on "access"."audit_event" ("actor_id", "occurred_at");`,
    );
    this.addSql(
      `create index "audit_event_recipient_id_occurred_at_index" on "access"."audit_event" ("recipient_id", "occurred_at");`,
    );

    this.addSql(
      `create table "access"."break_glass_grant" ("id" uuid not null, "account_id" uuid not null, "recipient_id" uuid not null, "reason" text not null, "granted_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "break_glass_grant_account_id_expires_at_index" on "access"."break_glass_grant" ("account_id", "expires_at");`,
    );

    this.addSql(
      `create table "access"."session" ("id" uuid not null, "token_hash" char(64) not null, "account_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "revoked_at" timestamptz null, "ip" varchar(64) null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "access"."session" add constraint "session_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "session_account_id_expires_at_index" on "access"."session" ("account_id", "expires_at");`,
    );

    this.addSql(
      `alter table "access"."audit_event" add constraint "audit_event_action_check" check ("action" in ('read', 'create', 'update', 'delete'));`,
    );
    this.addSql(
      `create or replace function "access"."audit_event_audit_event_no_update_delete_fn"() returns trigger as $$ begin raise exception 'the audit log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "audit_event_no_update_delete" BEFORE UPDATE OR DELETE on "access"."audit_event" for each ROW execute function "access"."audit_event_audit_event_no_update_delete_fn"();`,
    );

    this.addSql(
      `alter table "access"."break_glass_grant" add constraint "break_glass_grant_account_id_foreign" foreign key ("account_id") references "access"."account" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "access"."session" add constraint "session_account_id_foreign" foreign key ("account_id") references "access"."account" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "access"."break_glass_grant" drop constraint "break_glass_grant_account_id_foreign";`,
    );
    this.addSql(`alter table "access"."session" drop constraint "session_account_id_foreign";`);

    this.addSql(`drop table if exists "access"."account" cascade;`);
    this.addSql(`drop table if exists "access"."api_client" cascade;`);
    this.addSql(`drop trigger if exists "audit_event_no_update_delete" on "access"."audit_event";`);
    this.addSql(`drop function if exists "access"."audit_event_audit_event_no_update_delete_fn"();`);
    this.addSql(`drop table if exists "access"."audit_event" cascade;`);
    this.addSql(`drop table if exists "access"."break_glass_grant" cascade;`);
    this.addSql(`drop table if exists "access"."session" cascade;`);

    this.addSql(`drop schema if exists "access";`);
  }
}
