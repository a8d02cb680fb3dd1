import { Migration } from '@mikro-orm/migrations';

export class Migration20261123231745_figures_version extends Migration {
  override name = 'Migration20261123231745_figures_version';

  // The tables the indicators count: each statement that changes one moves the version, and the
  // figure cache (core `FigureCache`) counts again only then.
  override up(): void | Promise<void> {
    this.addSql(`create sequence employment.figures_version;`);
    this.addSql(
      `create function employment.bump_figures_version() returns trigger language plpgsql security definer set search_path = pg_catalog as $$ begin perform nextval('employment.figures_version'); return null; end $$;`,
    );
    this.addSql(
      `create trigger employer_figures_version after insert or update or delete or truncate on employment.employer for each statement execute function employment.bump_figures_version();`,
    );
    this.addSql(
      `create trigger vacancy_figures_version after insert or update or delete or truncate on employment.vacancy for each statement execute function employment.bump_figures_version();`,
    );
    this.addSql(
      `create trigger placement_figures_version after insert or update or delete or truncate on employment.placement for each statement execute function employment.bump_figures_version();`,
    );
    this.addSql(
      `create trigger employment_support_figures_version after insert or update or delete or truncate on employment.employment_support for each statement execute function employment.bump_figures_version();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger employer_figures_version on employment.employer;`);
    this.addSql(`drop trigger vacancy_figures_version on employment.vacancy;`);
    this.addSql(`drop trigger placement_figures_version on employment.placement;`);
    this.addSql(`drop trigger employment_support_figures_version on employment.employment_support;`);
    this.addSql(`drop function employment.bump_figures_version();`);
    this.addSql(`drop sequence employment.figures_version;`);
  }
}
