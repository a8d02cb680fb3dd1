import { Migration } from '@mikro-orm/migrations';

export class Migration20261123231704_figures_version extends Migration {
  override name = 'Migration20261123231704_figures_version';

  // The tables the indicators count: each statement that changes one moves the version, and the
  // figure cache (core `FigureCache`) counts again only then.
  override up(): void | Promise<void> {
    this.addSql(`create sequence education.figures_version;`);
    this.addSql(
      `create function education.bump_figures_version() returns trigger language plpgsql security definer set search_path = pg_catalog as $$ begin perform nextval('education.figures_version'); return null; end $$;`,
    );
    this.addSql(
      `create trigger enrolment_figures_version after insert or update or delete or truncate on education.enrolment for each statement execute function education.bump_figures_version();`,
    );
    this.addSql(
      `create trigger pmpk_recommendation_figures_version after insert or update or delete or truncate on education.pmpk_recommendation for each statement execute function education.bump_figures_version();`,
    );
    this.addSql(
      `create trigger guidance_session_figures_version after insert or update or delete or truncate on education.guidance_session for each statement execute function education.bump_figures_version();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger enrolment_figures_version on education.enrolment;`);
    this.addSql(`drop trigger pmpk_recommendation_figures_version on education.pmpk_recommendation;`);
    this.addSql(`drop trigger guidance_session_figures_version on education.guidance_session;`);
    this.addSql(`drop function education.bump_figures_version();`);
    this.addSql(`drop sequence education.figures_version;`);
  }
}
