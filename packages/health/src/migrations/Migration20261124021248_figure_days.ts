import { Migration } from '@mikro-orm/migrations';

export class Migration20261124021248_figure_days extends Migration {
  override name = 'Migration20261124021248_figure_days';

  // The Council's figures kept as data changes instead of counted per request: each owner (a person,
  // a housing unit…) contributes dated +n/-n steps to health.figure_day, and a figure on a date is the
  // sum of its steps up to that date. Statement triggers recompute the owners a statement touched
  // (their previous steps are kept in health.figure_owner, so the change is applied as a difference).
  // The bulk generator switches the triggers off for its session (sl.bulk_load) and rebuilds.

  override up(): void | Promise<void> {
    this.addSql(`-- Health's figures are the region's (the resolver asks for no municipality). Ends are inclusive:
-- a conclusion valid until a day is valid on it, an episode ending on a day runs on it.
create function health.figure_intervals(ids uuid[])
returns table (owner_id uuid, figure text, scope text, dim text, item uuid, lo date, hi date, w int)
language sql stable set search_path = pg_catalog as $fn$
  select c.recipient_id, f.figure, 'region', '', c.id, c.issued_on, f.hi, 1
  from health.medical_conclusion c
  cross join lateral (values
    ('conclusion.issued', null::date, true),
    ('conclusion.contraindicated', null, c.contraindications_present),
    ('conclusion.valid', c.valid_until + 1, true)) f(figure, hi, counted)
  where c.recipient_id = any(ids) and f.counted
  union all
  select a.recipient_id, 'answer', 'region', '', a.id, a.answered_on, null, 1
  from health.request_answer a where a.recipient_id = any(ids)
  union all
  -- People in medical rehabilitation: once per person however their episodes overlap.
  select e.recipient_id, 'rehabilitation', 'region', '', null, e.start_date, e.end_date + 1, 1
  from health.rehabilitation_episode e where e.recipient_id = any(ids)
  union all
  select v.recipient_id, 'mobile_visit', 'region', '', v.id, v.visited_on, null, 1
  from health.mobile_team_visit v where v.recipient_id = any(ids)
$fn$;`);
    this.addSql(`create function health.figure_owners() returns setof uuid
language sql stable set search_path = pg_catalog as $fn$
  select recipient_id from health.medical_conclusion union select recipient_id from health.request_answer
  union select recipient_id from health.rehabilitation_episode union select recipient_id from health.mobile_team_visit
$fn$;`);
    this.addSql(`-- The owners whose figures a change of \`tbl\` rows (by their trigger's column) touches.
create function health.figure_owners_of(tbl text, ids uuid[]) returns uuid[]
language sql stable set search_path = pg_catalog as $fn$ select ids $fn$;`);
    this.addSql(`-- health is replaced by the schema name.
create table health.figure_day (
  figure text not null, scope text not null, dim text not null, day date not null, n bigint not null,
  constraint figure_day_pkey primary key (figure, scope, dim, day));`);
    this.addSql(`-- What one owner (a person, a housing unit…) adds to the figures: its figure, scope, dim, day, n.
create type health.figure_delta as (owner_id uuid, figure text, scope text, dim text, day date, n int);`);
    this.addSql(`create table health.figure_owner (owner_id uuid not null, deltas health.figure_delta[] not null,
  constraint figure_owner_pkey primary key (owner_id));`);
    this.addSql(`create function health.figure_deltas(ids uuid[])
returns setof health.figure_delta
language sql stable set search_path = pg_catalog as $fn$
  with iv as (
    select * from health.figure_intervals(ids) i where i.hi is null or i.hi > i.lo),
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
    this.addSql(`create function health.refresh_figures(ids uuid[]) returns void
language sql volatile security definer set search_path = pg_catalog set work_mem = '64MB' as $fn$
  with gone as (
    delete from health.figure_owner o where o.owner_id = any(ids) returning o.deltas),
  fresh as (select * from health.figure_deltas(ids)),
  kept as (
    insert into health.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::health.figure_delta) from fresh f group by f.owner_id),
  change as (
    select c.figure, c.scope, c.dim, c.day, sum(c.n)::bigint as n
    from (select d.figure, d.scope, d.dim, d.day, -d.n as n from gone, unnest(gone.deltas) d
          union all select f.figure, f.scope, f.dim, f.day, f.n from fresh f) c
    group by 1, 2, 3, 4 having sum(c.n) <> 0)
  insert into health.figure_day as t (figure, scope, dim, day, n)
  select * from change order by 1, 2, 3, 4
  on conflict (figure, scope, dim, day) do update set n = t.n + excluded.n
$fn$;`);
    this.addSql(`-- Every owner again, from the records: each owner's steps chunk by chunk, then the figures summed
-- once (applying chunk after chunk would rewrite every figure row once per chunk).
create function health.rebuild_figures() returns void
language plpgsql volatile security definer set search_path = pg_catalog set work_mem = '64MB' as $fn$
declare chunk uuid[];
begin
  truncate health.figure_day, health.figure_owner;
  for chunk in
    select array_agg(o.id) from (
      select x.id, (row_number() over ()) / 10000 as part from health.figure_owners() x(id)) o
    group by o.part
  loop
    insert into health.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::health.figure_delta) from health.figure_deltas(chunk) f group by f.owner_id;
  end loop;
  insert into health.figure_day (figure, scope, dim, day, n)
  select d.figure, d.scope, d.dim, d.day, sum(d.n) from health.figure_owner o, unnest(o.deltas) d
  group by 1, 2, 3, 4 having sum(d.n) <> 0;
end $fn$;`);
    this.addSql(`create function health.figures_changed() returns trigger
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
  if ids is not null then perform health.refresh_figures(health.figure_owners_of(tg_table_name, ids)); end if;
  return null;
end $fn$;`);
    this.addSql(
      `create trigger medical_conclusion_figures_insert after insert on health.medical_conclusion referencing new table as new_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger medical_conclusion_figures_update after update on health.medical_conclusion referencing old table as old_rows new table as new_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger medical_conclusion_figures_delete after delete on health.medical_conclusion referencing old table as old_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger request_answer_figures_insert after insert on health.request_answer referencing new table as new_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger request_answer_figures_update after update on health.request_answer referencing old table as old_rows new table as new_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger request_answer_figures_delete after delete on health.request_answer referencing old table as old_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger rehabilitation_episode_figures_insert after insert on health.rehabilitation_episode referencing new table as new_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger rehabilitation_episode_figures_update after update on health.rehabilitation_episode referencing old table as old_rows new table as new_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger rehabilitation_episode_figures_delete after delete on health.rehabilitation_episode referencing old table as old_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger mobile_team_visit_figures_insert after insert on health.mobile_team_visit referencing new table as new_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger mobile_team_visit_figures_update after update on health.mobile_team_visit referencing old table as old_rows new table as new_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger mobile_team_visit_figures_delete after delete on health.mobile_team_visit referencing old table as old_rows for each statement execute function health.figures_changed('recipient_id');`,
    );
    this.addSql(`set local statement_timeout = 0;`);
    this.addSql(`select health.rebuild_figures();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger medical_conclusion_figures_insert on health.medical_conclusion;`);
    this.addSql(`drop trigger medical_conclusion_figures_update on health.medical_conclusion;`);
    this.addSql(`drop trigger medical_conclusion_figures_delete on health.medical_conclusion;`);
    this.addSql(`drop trigger request_answer_figures_insert on health.request_answer;`);
    this.addSql(`drop trigger request_answer_figures_update on health.request_answer;`);
    this.addSql(`drop trigger request_answer_figures_delete on health.request_answer;`);
    this.addSql(`drop trigger rehabilitation_episode_figures_insert on health.rehabilitation_episode;`);
    this.addSql(`drop trigger rehabilitation_episode_figures_update on health.rehabilitation_episode;`);
    this.addSql(`drop trigger rehabilitation_episode_figures_delete on health.rehabilitation_episode;`);
    this.addSql(`drop trigger mobile_team_visit_figures_insert on health.mobile_team_visit;`);
    this.addSql(`drop trigger mobile_team_visit_figures_update on health.mobile_team_visit;`);
    this.addSql(`drop trigger mobile_team_visit_figures_delete on health.mobile_team_visit;`);
    this.addSql(`drop function health.figures_changed();`);
    this.addSql(`drop function health.figure_owners_of(text, uuid[]);`);
    this.addSql(`drop function health.rebuild_figures();`);
    this.addSql(`drop function health.refresh_figures(uuid[]);`);
    this.addSql(`drop function health.figure_deltas(uuid[]);`);
    this.addSql(`drop function health.figure_owners();`);
    this.addSql(`drop function health.figure_intervals(uuid[]);`);
    this.addSql(`drop table health.figure_owner;`);
    this.addSql(`drop type health.figure_delta;`);
    this.addSql(`drop table health.figure_day;`);
  }
}
