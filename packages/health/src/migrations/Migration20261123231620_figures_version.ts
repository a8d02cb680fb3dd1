import { Migration } from '@mikro-orm/migrations';

export class Migration20261123231620_figures_version extends Migration {
  override name = 'Migration20261123231620_figures_version';

  // The tables the indicators count: each statement that changes one moves the version, and the
  // figure cache (core `FigureCache`) counts again only then.
  override up(): void | Promise<void> {
    this.addSql(`create sequence health.figures_version;`);
    this.addSql(
      `create function health.bump_figures_version() returns trigger language plpgsql security definer set search_path = pg_catalog as $$ begin perform nextval('health.figures_version'); return null; end $$;`,
    );
    this.addSql(
      `create trigger medical_conclusion_figures_version after insert or update or delete or truncate on health.medical_conclusion for each statement execute function health.bump_figures_version();`,
    );
    this.addSql(
      `create trigger rehabilitation_episode_figures_version after insert or update or delete or truncate on health.rehabilitation_episode for each statement execute function health.bump_figures_version();`,
    );
    this.addSql(
      `create trigger mobile_team_visit_figures_version after insert or update or delete or truncate on health.mobile_team_visit for each statement execute function health.bump_figures_version();`,
    );
    this.addSql(
      `create trigger request_answer_figures_version after insert or update or delete or truncate on health.request_answer for each statement execute function health.bump_figures_version();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger medical_conclusion_figures_version on health.medical_conclusion;`);
    this.addSql(`drop trigger rehabilitation_episode_figures_version on health.rehabilitation_episode;`);
    this.addSql(`drop trigger mobile_team_visit_figures_version on health.mobile_team_visit;`);
    this.addSql(`drop trigger request_answer_figures_version on health.request_answer;`);
    this.addSql(`drop function health.bump_figures_version();`);
    this.addSql(`drop sequence health.figures_version;`);
  }
}
