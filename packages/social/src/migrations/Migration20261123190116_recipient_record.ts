import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190116_recipient_record extends Migration {
  override name = 'Migration20261123190116_recipient_record';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "social"."recipient" add "search_name" varchar(310) generated always as (rtrim(translate(lower(last_name || ' ' || first_name || ' ' || patronymic), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе'))) stored not null, add "sex" text null, add "address" varchar(500) null, add "phone" varchar(40) null, add "email" varchar(200) null, add "legal_capacity" text null, add "representative_kind" text null, add "representative_full_name" varchar(300) null, add "representative_identity_document" varchar(300) null, add "representative_authority_document" varchar(300) null, add "disability_group" text null, add "ipra_number" varchar(60) null, add "ipra_date" date null, add "limitation_self_care" smallint null, add "limitation_movement" smallint null, add "limitation_orientation" smallint null, add "limitation_communication" smallint null, add "limitation_learning" smallint null, add "limitation_behaviour_control" smallint null, add "autonomy_degree" text null;`,
    );
    this.addSql(
      `create index "recipient_autonomy_degree_index" on "social"."recipient" ("autonomy_degree");`,
    );
    this.addSql(
      `create index "recipient_search_name_birth_date_index" on "social"."recipient" ("search_name", "birth_date");`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_representative_complete" check ((representative_kind is null) = (representative_full_name is null) and (representative_kind is null) = (representative_identity_document is null) and (representative_kind is null) = (representative_authority_document is null));`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_limitation_behaviour_control_range" check (limitation_behaviour_control >= 0 and limitation_behaviour_control <= 3);`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_limitation_learning_range" check (limitation_learning >= 0 and limitation_learning <= 3);`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_limitation_communication_range" check (limitation_communication >= 0 and limitation_communication <= 3);`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_limitation_orientation_range" check (limitation_orientation >= 0 and limitation_orientation <= 3);`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_limitation_movement_range" check (limitation_movement >= 0 and limitation_movement <= 3);`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_limitation_self_care_range" check (limitation_self_care >= 0 and limitation_self_care <= 3);`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_sex_check" check ("sex" in ('MALE', 'FEMALE'));`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_legal_capacity_check" check ("legal_capacity" in ('FULL', 'LIMITED', 'INCAPABLE'));`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_disability_group_check" check ("disability_group" in ('GROUP_1', 'GROUP_2', 'GROUP_3'));`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_autonomy_degree_check" check ("autonomy_degree" in ('I', 'II', 'III', 'IV'));`,
    );
    this.addSql(
      `alter table "social"."recipient" add constraint "recipient_representative_kind_check" check ("representative_kind" in ('LEGAL', 'AUTHORISED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "social"."recipient_autonomy_degree_index";`);
    this.addSql(`drop index "social"."recipient_search_name_birth_date_index";`);
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_representative_complete";`);
    this.addSql(
      `alter table "social"."recipient" drop constraint "recipient_limitation_behaviour_control_range";`,
    );
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_limitation_learning_range";`);
    this.addSql(
      `alter table "social"."recipient" drop constraint "recipient_limitation_communication_range";`,
    );
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_limitation_orientation_range";`);
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_limitation_movement_range";`);
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_limitation_self_care_range";`);
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_sex_check";`);
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_legal_capacity_check";`);
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_disability_group_check";`);
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_autonomy_degree_check";`);
    this.addSql(`alter table "social"."recipient" drop constraint "recipient_representative_kind_check";`);
    this.addSql(
      `alter table "social"."recipient" drop column "search_name", drop column "sex", drop column "address", drop column "phone", drop column "email", drop column "legal_capacity", drop column "representative_kind", drop column "representative_full_name", drop column "representative_identity_document", drop column "representative_authority_document", drop column "disability_group", drop column "ipra_number", drop column "ipra_date", drop column "limitation_self_care", drop column "limitation_movement", drop column "limitation_orientation", drop column "limitation_communication", drop column "limitation_learning", drop column "limitation_behaviour_control", drop column "autonomy_degree";`,
    );
  }
}
