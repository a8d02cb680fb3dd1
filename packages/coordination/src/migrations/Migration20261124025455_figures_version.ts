import { Migration } from '@mikro-orm/migrations';

export class Migration20261124025455_figures_version extends Migration {
  override name = 'Migration20261124025455_figures_version';

  // The tables the Council's roadmap figures, registry and decisions read: each statement that
  // changes one moves the version, and the figure cache (core `FigureCache`) reads them again only
  // then.
  override up(): void | Promise<void> {
    this.addSql(`create sequence coordination.figures_version;`);
    this.addSql(
      `create function coordination.bump_figures_version() returns trigger language plpgsql security definer set search_path = pg_catalog as $$ begin perform nextval('coordination.figures_version'); return null; end $$;`,
    );
    this.addSql(
      `create trigger agency_figures_version after insert or update or delete or truncate on coordination.agency for each statement execute function coordination.bump_figures_version();`,
    );

    this.addSql(
      `create trigger council_meeting_figures_version after insert or update or delete or truncate on coordination.council_meeting for each statement execute function coordination.bump_figures_version();`,
    );

    this.addSql(
      `create trigger council_decision_figures_version after insert or update or delete or truncate on coordination.council_decision for each statement execute function coordination.bump_figures_version();`,
    );

    this.addSql(
      `create trigger need_registry_entry_figures_version after insert or update or delete or truncate on coordination.need_registry_entry for each statement execute function coordination.bump_figures_version();`,
    );

    this.addSql(
      `create trigger roadmap_figures_version after insert or update or delete or truncate on coordination.roadmap for each statement execute function coordination.bump_figures_version();`,
    );

    this.addSql(
      `create trigger roadmap_item_figures_version after insert or update or delete or truncate on coordination.roadmap_item for each statement execute function coordination.bump_figures_version();`,
    );

    this.addSql(
      `create trigger obligation_figures_version after insert or update or delete or truncate on coordination.obligation for each statement execute function coordination.bump_figures_version();`,
    );

    this.addSql(
      `create trigger progress_report_figures_version after insert or update or delete or truncate on coordination.progress_report for each statement execute function coordination.bump_figures_version();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "agency_figures_version" on "coordination"."agency";`);
    this.addSql(`drop function if exists "coordination"."agency_agency_figures_version_fn"();`);

    this.addSql(
      `drop trigger if exists "council_decision_figures_version" on "coordination"."council_decision";`,
    );
    this.addSql(
      `drop function if exists "coordination"."council_decision_council_decision_figures_version_fn"();`,
    );

    this.addSql(
      `drop trigger if exists "council_meeting_figures_version" on "coordination"."council_meeting";`,
    );
    this.addSql(
      `drop function if exists "coordination"."council_meeting_council_meeting_figures_version_fn"();`,
    );

    this.addSql(
      `drop trigger if exists "need_registry_entry_figures_version" on "coordination"."need_registry_entry";`,
    );
    this.addSql(
      `drop function if exists "coordination"."need_registry_entry_need_registry_entry_figures_version_fn"();`,
    );

    this.addSql(`drop trigger if exists "obligation_figures_version" on "coordination"."obligation";`);
    this.addSql(`drop function if exists "coordination"."obligation_obligation_figures_version_fn"();`);

    this.addSql(
      `drop trigger if exists "progress_report_figures_version" on "coordination"."progress_report";`,
    );
    this.addSql(
      `drop function if exists "coordination"."progress_report_progress_report_figures_version_fn"();`,
    );

    this.addSql(`drop trigger if exists "roadmap_figures_version" on "coordination"."roadmap";`);
    this.addSql(`drop function if exists "coordination"."roadmap_roadmap_figures_version_fn"();`);

    this.addSql(`drop trigger if exists "roadmap_item_figures_version" on "coordination"."roadmap_item";`);
    this.addSql(`drop function if exists "coordination"."roadmap_item_roadmap_item_figures_version_fn"();`);

    this.addSql(`create or replace function "coordination"."figure_deltas"("ids" uuid[]) returns SETOF coordination.figure_delta security invoker language sql as $$ with iv as (
    select * from coordination.figure_intervals(ids) i where i.hi is null or i.hi > i.lo),
  -- Figures of people (no item) count an owner once however its intervals overlap: merge them.
  ordered as (
    select iv.*, max(coalesce(iv.hi, 'infinity'::date)) over (
      partition by iv.owner_id, iv.figure, iv.scope, iv.dim order by iv.lo, iv.hi
      rows between unbounded preceding and 1 preceding) as reach
    from iv where iv.item is null),
  islands as (
    select o.*, count(*) filter (where o.reach is null or o.reach < o.lo) over (
      partition by o.owner_id, o.figure, o.scope, o.dim order by o.lo, o.hi
      rows unbounded preceding) as island
    from ordered o),
  spans as (
    select i.owner_id, i.figure, i.scope, i.dim, min(i.lo) as lo, max(coalesce(i.hi, 'infinity'::date)) as hi,
      max(i.w) as w
    from islands i group by i.owner_id, i.figure, i.scope, i.dim, i.island
    union all
    select iv.owner_id, iv.figure, iv.scope, iv.dim, iv.lo, coalesce(iv.hi, 'infinity'::date), iv.w
    from iv where iv.item is not null)
  select d.owner_id, d.figure, d.scope, d.dim, d.day, sum(d.n)::int
  from (select s.owner_id, s.figure, s.scope, s.dim, s.lo as day, s.w as n from spans s
        union all
        select s.owner_id, s.figure, s.scope, s.dim, s.hi, -s.w from spans s where s.hi <> 'infinity'::date) d
  group by 1, 2, 3, 4, 5 having sum(d.n) <> 0 $$;`);

    this.addSql(`create or replace function "coordination"."figure_intervals"("ids" uuid[]) returns TABLE(owner_id uuid, figure text, scope text, dim text, item uuid, lo date, hi date, w integer) security invoker language sql as $$ select n.recipient_id, 'need.identified', 'region', '', null::uuid, n.identified_on, null::date, 1
  from coordination.need_registry_entry n where n.recipient_id = any(ids) $$;`);

    this.addSql(
      `create or replace function "coordination"."figure_owners"() returns SETOF uuid security invoker language sql as $$ select recipient_id from coordination.need_registry_entry $$;`,
    );

    this.addSql(
      `create or replace function "coordination"."figure_owners_of"("tbl" text, "ids" uuid[]) returns uuid[] security invoker language sql as $$ select ids $$;`,
    );

    this.addSql(`create or replace function "coordination"."rebuild_figures"() returns void security definer volatile language plpgsql as $$ begin declare chunk uuid[]; begin
  truncate coordination.figure_day, coordination.figure_owner;   for chunk in
    select array_agg(o.id) from (
      select x.id, (row_number() over ()) / 10000 as part from coordination.figure_owners() x(id)) o
    group by o.part
  loop
    insert into coordination.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::coordination.figure_delta) from coordination.figure_deltas(chunk) f group by f.owner_id;   end loop;   insert into coordination.figure_day (figure, scope, dim, day, n)
  select d.figure, d.scope, d.dim, d.day, sum(d.n) from coordination.figure_owner o, unnest(o.deltas) d
  group by 1, 2, 3, 4 having sum(d.n) <> 0; end; end $$;`);

    this.addSql(`create or replace function "coordination"."refresh_figures"("ids" uuid[]) returns void security definer volatile language sql as $$ with gone as (
    delete from coordination.figure_owner o where o.owner_id = any(ids) returning o.deltas),
  fresh as (select * from coordination.figure_deltas(ids)),
  kept as (
    insert into coordination.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::coordination.figure_delta) from fresh f group by f.owner_id),
  change as (
    select c.figure, c.scope, c.dim, c.day, sum(c.n)::bigint as n
    from (select d.figure, d.scope, d.dim, d.day, -d.n as n from gone, unnest(gone.deltas) d
          union all select f.figure, f.scope, f.dim, f.day, f.n from fresh f) c
    group by 1, 2, 3, 4 having sum(c.n) <> 0)
  insert into coordination.figure_day as t (figure, scope, dim, day, n)
  select * from change order by 1, 2, 3, 4
  on conflict (figure, scope, dim, day) do update set n = t.n + excluded.n $$;`);
    this.addSql(`drop function coordination.bump_figures_version();`);
    this.addSql(`drop sequence coordination.figures_version;`);
  }
}
