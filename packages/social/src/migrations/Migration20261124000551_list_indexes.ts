import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000551_list_indexes extends Migration {
  override name = 'Migration20261124000551_list_indexes';

  override up(): void | Promise<void> {
    // Trigram matching for the list's name search (a word anywhere in the name); a trusted
    // extension, so the schema's owner may create it.
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`drop index "social"."recipient_autonomy_degree_index";`);
    this.addSql(
      `create index "recipient_search_name_trgm" on "social"."recipient" using gin ("search_name" public.gin_trgm_ops);`,
    );
    this.addSql(
      `create index "recipient_autonomy_degree_birth_date_id_index" on "social"."recipient" ("autonomy_degree", "birth_date", "id");`,
    );
    this.addSql(
      `create index "recipient_autonomy_degree_last_name_first_name_pat_94607_index" on "social"."recipient" ("autonomy_degree", "last_name", "first_name", "patronymic", "id");`,
    );
    this.addSql(
      `create index "recipient_municipality_birth_date_id_index" on "social"."recipient" ("municipality", "birth_date", "id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "social"."recipient_search_name_trgm";`);
    this.addSql(`drop index "social"."recipient_autonomy_degree_birth_date_id_index";`);
    this.addSql(`drop index "social"."recipient_autonomy_degree_last_name_first_name_pat_94607_index";`);
    this.addSql(`drop index "social"."recipient_municipality_birth_date_id_index";`);
    this.addSql(
      `create index "recipient_autonomy_degree_index" on "social"."recipient" ("autonomy_degree");`,
    );
  }
}
