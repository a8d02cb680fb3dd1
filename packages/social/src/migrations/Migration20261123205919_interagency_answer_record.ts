import { Migration } from '@mikro-orm/migrations';

export class Migration20261123205919_interagency_answer_record extends Migration {
  override name = 'Migration20261123205919_interagency_answer_record';

  override up(): void | Promise<void> {
    this.addSql(`alter table "social"."interagency_request" add "answer_record_id" uuid null;`);
    this.addSql(
      `alter table "social"."interagency_request" add constraint "interagency_request_record_when_answered" check (answer_record_id is null or answered_on is not null);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "social"."interagency_request" drop constraint "interagency_request_record_when_answered";`,
    );
    this.addSql(`alter table "social"."interagency_request" drop column "answer_record_id";`);
  }
}
