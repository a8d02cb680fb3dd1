import { Migration } from '@mikro-orm/migrations';

export class Migration20261124021258_figure_days extends Migration {
  override name = 'Migration20261124021258_figure_days';

  // The Council's figures kept as data changes instead of counted per request: each owner (a person,
  // a housing unit…) contributes dated +n/-n steps to education.figure_day, and a figure on a date is the
  // sum of its steps up to that date. Statement triggers recompute the owners a statement touched
  // (their previous steps are kept in education.figure_owner, so the change is applied as a difference).
  // The bulk generator switches the triggers off for its session (sl.bulk_load) and rebuilds.

  override up(): void | Promise<void> {
    this.addSql(`-- Education's figures are the region's. A person studies from the enrolment's start to its end,
-- both included, and is counted once however many enrolments overlap (per level likewise).
create function education.figure_intervals(ids uuid[])
returns table (owner_id uuid, figure text, scope text, dim text, item uuid, lo date, hi date, w int)
language sql stable set search_path = pg_catalog as $fn$
  select e.recipient_id, f.figure, 'region', f.dim, null::uuid, e.start_date, e.end_date + 1, 1
  from education.enrolment e
  cross join lateral (values ('studying', ''), ('studying.level', e.level::text)) f(figure, dim)
  where e.recipient_id = any(ids)
  union all
  select e.recipient_id, 'completed', 'region', '', e.id, e.end_date, null, 1
  from education.enrolment e where e.recipient_id = any(ids) and e.status = 'COMPLETED' and e.end_date is not null
  union all
  select p.recipient_id, 'pmpk', 'region', '', p.id, p.issued_on, null, 1
  from education.pmpk_recommendation p where p.recipient_id = any(ids)
  union all
  select g.recipient_id, 'guidance', 'region', '', g.id, g.held_on, null, 1
  from education.guidance_session g where g.recipient_id = any(ids)
$fn$;`);
    this.addSql(`create function education.figure_owners() returns setof uuid
language sql stable set search_path = pg_catalog as $fn$
  select recipient_id from education.enrolment union select recipient_id from education.pmpk_recommendation
  union select recipient_id from education.guidance_session
$fn$;`);
    this.addSql(`-- The owners whose figures a change of \`tbl\` rows (by their trigger's column) touches.
create function education.figure_owners_of(tbl text, ids uuid[]) returns uuid[]
language sql stable set search_path = pg_catalog as $fn$ select ids $fn$;`);
    this.addSql(`-- education is replaced by the schema name.
create table education.figure_day (
  figure text not null, scope text not null, dim text not null, day date not null, n bigint not null,
  constraint figure_day_pkey primary key (figure, scope, dim, day));`);
    this.addSql(`-- What one owner (a person, a housing unit…) adds to the figures: its figure, scope, dim, day, n.
create type education.figure_delta as (owner_id uuid, figure text, scope text, dim text, day date, n int);`);
    this.addSql(`create table education.figure_owner (owner_id uuid not null, deltas education.figure_delta[] not null,
  constraint figure_owner_pkey primary key (owner_id));`);
    this.addSql(`create function education.figure_deltas(ids uuid[])
returns setof education.figure_delta
language sql stable set search_path = pg_catalog as $fn$
  with iv as (
    select * from education.figure_intervals(ids) i where i.hi is null or i.hi > i.lo),
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
  group by 1, 2, 3, 4, 5 having sum(d.n) <> 0
$fn$;`);
    this.addSql(`create function education.refresh_figures(ids uuid[]) returns void
language sql volatile security definer set search_path = pg_catalog set work_mem = '64MB' as $fn$
  with gone as (
    delete from education.figure_owner o where o.owner_id = any(ids) returning o.deltas),
  fresh as (select * from education.figure_deltas(ids)),
  kept as (
    insert into education.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::education.figure_delta) from fresh f group by f.owner_id),
  change as (
    select c.figure, c.scope, c.dim, c.day, sum(c.n)::bigint as n
    from (select d.figure, d.scope, d.dim, d.day, -d.n as n from gone, unnest(gone.deltas) d
          union all select f.figure, f.scope, f.dim, f.day, f.n from fresh f) c
    group by 1, 2, 3, 4 having sum(c.n) <> 0)
  insert into education.figure_day as t (figure, scope, dim, day, n)
  select * from change order by 1, 2, 3, 4
  on conflict (figure, scope, dim, day) do update set n = t.n + excluded.n
$fn$;`);
    this.addSql(`-- Every owner again, from the records: each owner's steps chunk by chunk, then the figures summed
-- once (applying chunk after chunk would rewrite every figure row once per chunk).
create function education.rebuild_figures() returns void
language plpgsql volatile security definer set search_path = pg_catalog set work_mem = '64MB' as $fn$
declare chunk uuid[];
begin
  truncate education.figure_day, education.figure_owner;
  for chunk in
    select array_agg(o.id) from (
      select x.id, (row_number() over ()) / 10000 as part from education.figure_owners() x(id)) o
    group by o.part
  loop
    insert into education.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::education.figure_delta) from education.figure_deltas(chunk) f group by f.owner_id;
  end loop;
  insert into education.figure_day (figure, scope, dim, day, n)
  select d.figure, d.scope, d.dim, d.day, sum(d.n) from education.figure_owner o, unnest(o.deltas) d
  group by 1, 2, 3, 4 having sum(d.n) <> 0;
end $fn$;`);
    this.addSql(`create function education.figures_changed() returns trigger
language plpgsql security definer set search_path = pg_catalog as $fn$
declare ids uuid[];
begin
  if current_setting('sl.bulk_load', true) = 'on' then return null; end if;
  if tg_op = 'INSERT' then
    execute format('select array_agg(distinct %I) from new_rows', tg_argv[0]) into ids;
  elsif tg_op = 'DELETE' then
    execute format('select array_agg(distinct %I) from old_rows', tg_argv[0]) into ids;
  else
    execute format('select array_agg(distinct x) from (select %1$I as x from old_rows union select %1$I from new_rows) t',
      tg_argv[0]) into ids;
  end if;
  if ids is not null then perform education.refresh_figures(education.figure_owners_of(tg_table_name, ids)); end if;
  return null;
end $fn$;`);
    this.addSql(
      `create trigger enrolment_figures_insert after insert on education.enrolment referencing new table as new_rows for each statement execute function education.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger enrolment_figures_update after update on education.enrolment referencing old table as old_rows new table as new_rows for each statement execute function education.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger enrolment_figures_delete after delete on education.enrolment referencing old table as old_rows for each statement execute function education.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger pmpk_recommendation_figures_insert after insert on education.pmpk_recommendation referencing new table as new_rows for each statement execute function education.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger pmpk_recommendation_figures_update after update on education.pmpk_recommendation referencing old table as old_rows new table as new_rows for each statement execute function education.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger pmpk_recommendation_figures_delete after delete on education.pmpk_recommendation referencing old table as old_rows for each statement execute function education.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger guidance_session_figures_insert after insert on education.guidance_session referencing new table as new_rows for each statement execute function education.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger guidance_session_figures_update after update on education.guidance_session referencing old table as old_rows new table as new_rows for each statement execute function education.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger guidance_session_figures_delete after delete on education.guidance_session referencing old table as old_rows for each statement execute function education.figures_changed('recipient_id');`,
    );
    this.addSql(`set local statement_timeout = 0;`);
    this.addSql(`select education.rebuild_figures();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger enrolment_figures_insert on education.enrolment;`);
    this.addSql(`drop trigger enrolment_figures_update on education.enrolment;`);
    this.addSql(`drop trigger enrolment_figures_delete on education.enrolment;`);
    this.addSql(`drop trigger pmpk_recommendation_figures_insert on education.pmpk_recommendation;`);
    this.addSql(`drop trigger pmpk_recommendation_figures_update on education.pmpk_recommendation;`);
    this.addSql(`drop trigger pmpk_recommendation_figures_delete on education.pmpk_recommendation;`);
    this.addSql(`drop trigger guidance_session_figures_insert on education.guidance_session;`);
    this.addSql(`drop trigger guidance_session_figures_update on education.guidance_session;`);
    this.addSql(`drop trigger guidance_session_figures_delete on education.guidance_session;`);
    this.addSql(`drop function education.figures_changed();`);
    this.addSql(`drop function education.figure_owners_of(text, uuid[]);`);
    this.addSql(`drop function education.rebuild_figures();`);
    this.addSql(`drop function education.refresh_figures(uuid[]);`);
    this.addSql(`drop function education.figure_deltas(uuid[]);`);
    this.addSql(`drop function education.figure_owners();`);
    this.addSql(`drop function education.figure_intervals(uuid[]);`);
    this.addSql(`drop table education.figure_owner;`);
    this.addSql(`drop type education.figure_delta;`);
    this.addSql(`drop table education.figure_day;`);
  }
}
