import { Migration } from '@mikro-orm/migrations';

export class Migration20261124021307_figure_days extends Migration {
  override name = 'Migration20261124021307_figure_days';

  // The Council's figures kept as data changes instead of counted per request: each owner (a person,
  // a housing unit…) contributes dated +n/-n steps to employment.figure_day, and a figure on a date is the
  // sum of its steps up to that date. Statement triggers recompute the owners a statement touched
  // (their previous steps are kept in employment.figure_owner, so the change is applied as a difference).
  // The bulk generator switches the triggers off for its session (sl.bulk_load) and rebuilds.

  override up(): void | Promise<void> {
    this.addSql(`-- A job or a vacancy is in its employer's municipality (and in the region). A placement counts from
-- its start to its end, both included, and a person once however many placements overlap. Support
-- figures are the region's. Vacancies are open from their opening to the day they closed.
create function employment.figure_intervals(ids uuid[])
returns table (owner_id uuid, figure text, scope text, dim text, item uuid, lo date, hi date, w int)
language sql stable set search_path = pg_catalog as $fn$
  select p.recipient_id, f.figure, s.scope, '', null::uuid, p.start_date, p.end_date + 1, 1
  from employment.placement p
  join employment.employer w on w.id = p.employer_id
  cross join lateral (select 'region' union all select w.municipality where w.municipality is not null) s(scope)
  cross join lateral (values ('employed', true), ('employed.supported', p.supported), ('employed.quota', p.quota))
    f(figure, counted)
  where p.recipient_id = any(ids) and f.counted
  union all
  select s.recipient_id, f.figure, 'region', '', f.item, s.start_date, f.hi, 1
  from employment.employment_support s
  cross join lateral (values
    ('support.unemployed', null::uuid, s.end_date + 1, s.kind::text = 'UNEMPLOYMENT_REGISTRATION'),
    ('support.training', null, s.end_date + 1, s.kind::text = 'VOCATIONAL_TRAINING'),
    ('support.guidance', s.id, null, s.kind::text = 'VOCATIONAL_GUIDANCE'),
    ('support.self_employment', s.id, null, s.kind::text = 'SELF_EMPLOYMENT_SUPPORT')) f(figure, item, hi, counted)
  where s.recipient_id = any(ids) and f.counted
  union all
  select x.id, f.figure, s.scope, '', x.id, x.opened_on, f.hi, 1
  from employment.vacancy x
  join employment.employer w on w.id = x.employer_id
  cross join lateral (select 'region' union all select w.municipality where w.municipality is not null) s(scope)
  cross join lateral (values
    ('vacancy.open', x.closed_on, true),
    ('vacancy.quota_open', x.closed_on, x.quota),
    ('vacancy.created', null, x.origin::text = 'CREATED'),
    ('vacancy.equipped', null, x.origin::text = 'EQUIPPED'),
    ('vacancy.above_quota', null, x.origin::text = 'ABOVE_QUOTA')) f(figure, hi, counted)
  where x.id = any(ids) and f.counted
$fn$;`);
    this.addSql(`create function employment.figure_owners() returns setof uuid
language sql stable set search_path = pg_catalog as $fn$
  select recipient_id from employment.placement union select recipient_id from employment.employment_support
  union select id from employment.vacancy
$fn$;`);
    this.addSql(`-- The owners whose figures a change of \`tbl\` rows (by their trigger's column) touches: an
-- employer's move touches its placements' people and its vacancies.
create function employment.figure_owners_of(tbl text, ids uuid[]) returns uuid[]
language sql stable set search_path = pg_catalog as $fn$
  select case when tbl = 'employer' then array(
    select p.recipient_id from employment.placement p where p.employer_id = any(ids)
    union select x.id from employment.vacancy x where x.employer_id = any(ids))
  else ids end
$fn$;`);
    this.addSql(`-- employment is replaced by the schema name.
create table employment.figure_day (
  figure text not null, scope text not null, dim text not null, day date not null, n bigint not null,
  constraint figure_day_pkey primary key (figure, scope, dim, day));`);
    this.addSql(`-- What one owner (a person, a housing unit…) adds to the figures: its figure, scope, dim, day, n.
create type employment.figure_delta as (owner_id uuid, figure text, scope text, dim text, day date, n int);`);
    this.addSql(`create table employment.figure_owner (owner_id uuid not null, deltas employment.figure_delta[] not null,
  constraint figure_owner_pkey primary key (owner_id));`);
    this.addSql(`create function employment.figure_deltas(ids uuid[])
returns setof employment.figure_delta
language sql stable set search_path = pg_catalog as $fn$
  with iv as (
    select * from employment.figure_intervals(ids) i where i.hi is null or i.hi > i.lo),
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
    this.addSql(`create function employment.refresh_figures(ids uuid[]) returns void
language sql volatile security definer set search_path = pg_catalog set work_mem = '64MB' as $fn$
  with gone as (
    delete from employment.figure_owner o where o.owner_id = any(ids) returning o.deltas),
  fresh as (select * from employment.figure_deltas(ids)),
  kept as (
    insert into employment.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::employment.figure_delta) from fresh f group by f.owner_id),
  change as (
    select c.figure, c.scope, c.dim, c.day, sum(c.n)::bigint as n
    from (select d.figure, d.scope, d.dim, d.day, -d.n as n from gone, unnest(gone.deltas) d
          union all select f.figure, f.scope, f.dim, f.day, f.n from fresh f) c
    group by 1, 2, 3, 4 having sum(c.n) <> 0)
  insert into employment.figure_day as t (figure, scope, dim, day, n)
  select * from change order by 1, 2, 3, 4
  on conflict (figure, scope, dim, day) do update set n = t.n + excluded.n
$fn$;`);
    this.addSql(`-- Every owner again, from the records: each owner's steps chunk by chunk, then the figures summed
-- once (applying chunk after chunk would rewrite every figure row once per chunk).
create function employment.rebuild_figures() returns void
language plpgsql volatile security definer set search_path = pg_catalog set work_mem = '64MB' as $fn$
declare chunk uuid[];
begin
  truncate employment.figure_day, employment.figure_owner;
  for chunk in
    select array_agg(o.id) from (
      select x.id, (row_number() over ()) / 10000 as part from employment.figure_owners() x(id)) o
    group by o.part
  loop
    insert into employment.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::employment.figure_delta) from employment.figure_deltas(chunk) f group by f.owner_id;
  end loop;
  insert into employment.figure_day (figure, scope, dim, day, n)
  select d.figure, d.scope, d.dim, d.day, sum(d.n) from employment.figure_owner o, unnest(o.deltas) d
  group by 1, 2, 3, 4 having sum(d.n) <> 0;
end $fn$;`);
    this.addSql(`create function employment.figures_changed() returns trigger
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
  if ids is not null then perform employment.refresh_figures(employment.figure_owners_of(tg_table_name, ids)); end if;
  return null;
end $fn$;`);
    this.addSql(
      `create trigger placement_figures_insert after insert on employment.placement referencing new table as new_rows for each statement execute function employment.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger placement_figures_update after update on employment.placement referencing old table as old_rows new table as new_rows for each statement execute function employment.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger placement_figures_delete after delete on employment.placement referencing old table as old_rows for each statement execute function employment.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger employment_support_figures_insert after insert on employment.employment_support referencing new table as new_rows for each statement execute function employment.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger employment_support_figures_update after update on employment.employment_support referencing old table as old_rows new table as new_rows for each statement execute function employment.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger employment_support_figures_delete after delete on employment.employment_support referencing old table as old_rows for each statement execute function employment.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger vacancy_figures_insert after insert on employment.vacancy referencing new table as new_rows for each statement execute function employment.figures_changed('id');`,
    );
    this.addSql(
      `create trigger vacancy_figures_update after update on employment.vacancy referencing old table as old_rows new table as new_rows for each statement execute function employment.figures_changed('id');`,
    );
    this.addSql(
      `create trigger vacancy_figures_delete after delete on employment.vacancy referencing old table as old_rows for each statement execute function employment.figures_changed('id');`,
    );
    this.addSql(
      `create trigger employer_figures_insert after insert on employment.employer referencing new table as new_rows for each statement execute function employment.figures_changed('id');`,
    );
    this.addSql(
      `create trigger employer_figures_update after update on employment.employer referencing old table as old_rows new table as new_rows for each statement execute function employment.figures_changed('id');`,
    );
    this.addSql(
      `create trigger employer_figures_delete after delete on employment.employer referencing old table as old_rows for each statement execute function employment.figures_changed('id');`,
    );
    this.addSql(`set local statement_timeout = 0;`);
    this.addSql(`select employment.rebuild_figures();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger placement_figures_insert on employment.placement;`);
    this.addSql(`drop trigger placement_figures_update on employment.placement;`);
    this.addSql(`drop trigger placement_figures_delete on employment.placement;`);
    this.addSql(`drop trigger employment_support_figures_insert on employment.employment_support;`);
    this.addSql(`drop trigger employment_support_figures_update on employment.employment_support;`);
    this.addSql(`drop trigger employment_support_figures_delete on employment.employment_support;`);
    this.addSql(`drop trigger vacancy_figures_insert on employment.vacancy;`);
    this.addSql(`drop trigger vacancy_figures_update on employment.vacancy;`);
    this.addSql(`drop trigger vacancy_figures_delete on employment.vacancy;`);
    this.addSql(`drop trigger employer_figures_insert on employment.employer;`);
    this.addSql(`drop trigger employer_figures_update on employment.employer;`);
    this.addSql(`drop trigger employer_figures_delete on employment.employer;`);
    this.addSql(`drop function employment.figures_changed();`);
    this.addSql(`drop function employment.figure_owners_of(text, uuid[]);`);
    this.addSql(`drop function employment.rebuild_figures();`);
    this.addSql(`drop function employment.refresh_figures(uuid[]);`);
    this.addSql(`drop function employment.figure_deltas(uuid[]);`);
    this.addSql(`drop function employment.figure_owners();`);
    this.addSql(`drop function employment.figure_intervals(uuid[]);`);
    this.addSql(`drop table employment.figure_owner;`);
    this.addSql(`drop type employment.figure_delta;`);
    this.addSql(`drop table employment.figure_day;`);
  }
}
