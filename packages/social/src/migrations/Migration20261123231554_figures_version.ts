import { Migration } from '@mikro-orm/migrations';

export class Migration20261123231554_figures_version extends Migration {
  override name = 'Migration20261123231554_figures_version';

  // The tables the indicators count: each statement that changes one moves the version, and the
  // figure cache (core `FigureCache`) counts again only then.
  override up(): void | Promise<void> {
    this.addSql(`create sequence social.figures_version;`);
    this.addSql(
      `create function social.bump_figures_version() returns trigger language plpgsql security definer set search_path = pg_catalog as $$ begin perform nextval('social.figures_version'); return null; end $$;`,
    );
    this.addSql(
      `create trigger recipient_figures_version after insert or update or delete or truncate on social.recipient for each statement execute function social.bump_figures_version();`,
    );
    this.addSql(
      `create trigger application_figures_version after insert or update or delete or truncate on social.application for each statement execute function social.bump_figures_version();`,
    );
    this.addSql(
      `create trigger assessment_figures_version after insert or update or delete or truncate on social.assessment for each statement execute function social.bump_figures_version();`,
    );
    this.addSql(
      `create trigger stage_figures_version after insert or update or delete or truncate on social.stage for each statement execute function social.bump_figures_version();`,
    );
    this.addSql(
      `create trigger housing_unit_figures_version after insert or update or delete or truncate on social.housing_unit for each statement execute function social.bump_figures_version();`,
    );
    this.addSql(
      `create trigger housing_occupancy_figures_version after insert or update or delete or truncate on social.housing_occupancy for each statement execute function social.bump_figures_version();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger recipient_figures_version on social.recipient;`);
    this.addSql(`drop trigger application_figures_version on social.application;`);
    this.addSql(`drop trigger assessment_figures_version on social.assessment;`);
    this.addSql(`drop trigger stage_figures_version on social.stage;`);
    this.addSql(`drop trigger housing_unit_figures_version on social.housing_unit;`);
    this.addSql(`drop trigger housing_occupancy_figures_version on social.housing_occupancy;`);
    this.addSql(`drop function social.bump_figures_version();`);
    this.addSql(`drop sequence social.figures_version;`);
  }
}
