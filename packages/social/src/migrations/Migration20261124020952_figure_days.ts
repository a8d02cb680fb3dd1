import { Migration } from '@mikro-orm/migrations';

export class Migration20261124020952_figure_days extends Migration {
  override name = 'Migration20261124020952_figure_days';

  // The Council's figures kept as data changes instead of counted per request: each owner (a person,
  // a housing unit…) contributes dated +n/-n steps to social.figure_day, and a figure on a date is the
  // sum of its steps up to that date. Statement triggers recompute the owners a statement touched
  // (their previous steps are kept in social.figure_owner, so the change is applied as a difference).
  // The bulk generator switches the triggers off for its session (sl.bulk_load) and rebuilds.

  override up(): void | Promise<void> {
    this.addSql(`create function social.figure_intervals(ids uuid[])
returns table (owner_id uuid, figure text, scope text, dim text, item uuid, lo date, hi date, w int)
language sql stable set search_path = pg_catalog as $fn$
  -- Applications (seed 001 §14): submitted, decided (on time), and pending past the due date.
  select a.recipient_id, f.figure, s.scope, '', a.id, f.lo, f.hi, 1
  from social.application a
  join social.recipient r on r.id = a.recipient_id
  cross join lateral (values (r.municipality), ('region')) s(scope)
  cross join lateral (values
    ('app.submitted', a.submitted_on, null::date),
    ('app.decided', case when a.decided_on is not null then greatest(a.submitted_on, a.decided_on) end, null),
    ('app.on_time', case when a.decided_on <= a.decision_due_on then greatest(a.submitted_on, a.decided_on) end, null),
    ('app.pending_overdue', greatest(a.submitted_on, a.decision_due_on + 1), a.decided_on)) f(figure, lo, hi)
  where a.recipient_id = any(ids) and f.lo is not null
  union all
  -- People in each stage: from its start to the day it ended; once per person and kind.
  select st.recipient_id, 'stage', s.scope, st.kind::text, null, st.started_on, st.ended_on, 1
  from social.stage st
  join social.recipient r on r.id = st.recipient_id
  cross join lateral (values (r.municipality), ('region')) s(scope)
  where st.recipient_id = any(ids)
  union all
  -- Each person's latest assessment, from its day to the next one's or to the termination.
  select x.recipient_id, f.figure, s.scope, f.dim, null, f.lo, x.hi, 1
  from (
    select a.recipient_id, a.assessed_on, a.degree, a.service_type_code, a.service_type_name,
      a.reassessment_due_on,
      least(lead(a.assessed_on) over (partition by a.recipient_id order by a.assessed_on, a.created_at),
        (select min(t.ended_on) from social.stage t
          where t.recipient_id = a.recipient_id and t.end_reason = 'TERMINATED')) as hi
    from social.assessment a where a.recipient_id = any(ids)) x
  join social.recipient r on r.id = x.recipient_id
  cross join lateral (values (r.municipality), ('region')) s(scope)
  cross join lateral (values
    ('asm.degree', x.degree::text, x.assessed_on),
    ('asm.type', x.service_type_code || chr(31) || x.service_type_name, x.assessed_on),
    ('asm.overdue', '', greatest(x.assessed_on, x.reassessment_due_on + 1))) f(figure, dim, lo)
  union all
  -- Housing: today's units and places by kind, and places occupied from move-in to move-out.
  select u.id, f.figure, s.scope, u.kind::text, u.id, '-infinity'::date, null::date, f.w
  from social.housing_unit u
  cross join lateral (values (u.municipality), ('region')) s(scope)
  cross join lateral (values ('housing.units', 1), ('housing.places', u.places)) f(figure, w)
  where u.id = any(ids)
  union all
  select u.id, 'housing.occupied', s.scope, u.kind::text, o.id, o.from_date, o.to_date, 1
  from social.housing_occupancy o
  join social.housing_unit u on u.id = o.unit_id
  cross join lateral (values (u.municipality), ('region')) s(scope)
  where o.unit_id = any(ids)
$fn$;`);
    this.addSql(`create function social.figure_owners() returns setof uuid
language sql stable set search_path = pg_catalog as $fn$
  select r.id from social.recipient r union all select u.id from social.housing_unit u
$fn$;`);
    this.addSql(`-- The owners whose figures a change of \`tbl\` rows (by their trigger's column) touches.
create function social.figure_owners_of(tbl text, ids uuid[]) returns uuid[]
language sql stable set search_path = pg_catalog as $fn$ select ids $fn$;`);
    this.addSql(`-- social is replaced by the schema name.
create table social.figure_day (
  figure text not null, scope text not null, dim text not null, day date not null, n bigint not null,
  constraint figure_day_pkey primary key (figure, scope, dim, day));`);
    this.addSql(`-- What one owner (a person, a housing unit…) adds to the figures: its figure, scope, dim, day, n.
create type social.figure_delta as (owner_id uuid, figure text, scope text, dim text, day date, n int);`);
    this.addSql(`create table social.figure_owner (owner_id uuid not null, deltas social.figure_delta[] not null,
  constraint figure_owner_pkey primary key (owner_id));`);
    this.addSql(`create function social.figure_deltas(ids uuid[])
returns setof social.figure_delta
language sql stable set search_path = pg_catalog as $fn$
  with iv as (
    select * from social.figure_intervals(ids) i where i.hi is null or i.hi > i.lo),
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
    this.addSql(`create function social.refresh_figures(ids uuid[]) returns void
language sql volatile security definer set search_path = pg_catalog set work_mem = '64MB' as $fn$
  with gone as (
    delete from social.figure_owner o where o.owner_id = any(ids) returning o.deltas),
  fresh as (select * from social.figure_deltas(ids)),
  kept as (
    insert into social.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::social.figure_delta) from fresh f group by f.owner_id),
  change as (
    select c.figure, c.scope, c.dim, c.day, sum(c.n)::bigint as n
    from (select d.figure, d.scope, d.dim, d.day, -d.n as n from gone, unnest(gone.deltas) d
          union all select f.figure, f.scope, f.dim, f.day, f.n from fresh f) c
    group by 1, 2, 3, 4 having sum(c.n) <> 0)
  insert into social.figure_day as t (figure, scope, dim, day, n)
  select * from change order by 1, 2, 3, 4
  on conflict (figure, scope, dim, day) do update set n = t.n + excluded.n
$fn$;`);
    this.addSql(`-- Every owner again, from the records: each owner's steps chunk by chunk, then the figures summed
-- once (applying chunk after chunk would rewrite every figure row once per chunk).
create function social.rebuild_figures() returns void
language plpgsql volatile security definer set search_path = pg_catalog set work_mem = '64MB' as $fn$
declare chunk uuid[];
begin
  truncate social.figure_day, social.figure_owner;
  for chunk in
    select array_agg(o.id) from (
      select x.id, (row_number() over ()) / 10000 as part from social.figure_owners() x(id)) o
    group by o.part
  loop
    insert into social.figure_owner (owner_id, deltas)
    select f.owner_id, array_agg(f::social.figure_delta) from social.figure_deltas(chunk) f group by f.owner_id;
  end loop;
  insert into social.figure_day (figure, scope, dim, day, n)
  select d.figure, d.scope, d.dim, d.day, sum(d.n) from social.figure_owner o, unnest(o.deltas) d
  group by 1, 2, 3, 4 having sum(d.n) <> 0;
end $fn$;`);
    this.addSql(`create function social.figures_changed() returns trigger
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
  if ids is not null then perform social.refresh_figures(social.figure_owners_of(tg_table_name, ids)); end if;
  return null;
end $fn$;`);
    this.addSql(
      `create trigger application_figures_insert after insert on social.application referencing new table as new_rows for each statement execute function social.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger application_figures_update after update on social.application referencing old table as old_rows new table as new_rows for each statement execute function social.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger application_figures_delete after delete on social.application referencing old table as old_rows for each statement execute function social.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger stage_figures_insert after insert on social.stage referencing new table as new_rows for each statement execute function social.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger stage_figures_update after update on social.stage referencing old table as old_rows new table as new_rows for each statement execute function social.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger stage_figures_delete after delete on social.stage referencing old table as old_rows for each statement execute function social.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger assessment_figures_insert after insert on social.assessment referencing new table as new_rows for each statement execute function social.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger assessment_figures_update after update on social.assessment referencing old table as old_rows new table as new_rows for each statement execute function social.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger assessment_figures_delete after delete on social.assessment referencing old table as old_rows for each statement execute function social.figures_changed('recipient_id');`,
    );
    this.addSql(
      `create trigger recipient_figures_insert after insert on social.recipient referencing new table as new_rows for each statement execute function social.figures_changed('id');`,
    );
    this.addSql(
      `create trigger recipient_figures_update after update on social.recipient referencing old table as old_rows new table as new_rows for each statement execute function social.figures_changed('id');`,
    );
    this.addSql(
      `create trigger recipient_figures_delete after delete on social.recipient referencing old table as old_rows for each statement execute function social.figures_changed('id');`,
    );
    this.addSql(
      `create trigger housing_unit_figures_insert after insert on social.housing_unit referencing new table as new_rows for each statement execute function social.figures_changed('id');`,
    );
    this.addSql(
      `create trigger housing_unit_figures_update after update on social.housing_unit referencing old table as old_rows new table as new_rows for each statement execute function social.figures_changed('id');`,
    );
    this.addSql(
      `create trigger housing_unit_figures_delete after delete on social.housing_unit referencing old table as old_rows for each statement execute function social.figures_changed('id');`,
    );
    this.addSql(
      `create trigger housing_occupancy_figures_insert after insert on social.housing_occupancy referencing new table as new_rows for each statement execute function social.figures_changed('unit_id');`,
    );
    this.addSql(
      `create trigger housing_occupancy_figures_update after update on social.housing_occupancy referencing old table as old_rows new table as new_rows for each statement execute function social.figures_changed('unit_id');`,
    );
    this.addSql(
      `create trigger housing_occupancy_figures_delete after delete on social.housing_occupancy referencing old table as old_rows for each statement execute function social.figures_changed('unit_id');`,
    );
    this.addSql(`set local statement_timeout = 0;`);
    this.addSql(`select social.rebuild_figures();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger application_figures_insert on social.application;`);
    this.addSql(`drop trigger application_figures_update on social.application;`);
    this.addSql(`drop trigger application_figures_delete on social.application;`);
    this.addSql(`drop trigger stage_figures_insert on social.stage;`);
    this.addSql(`drop trigger stage_figures_update on social.stage;`);
    this.addSql(`drop trigger stage_figures_delete on social.stage;`);
    this.addSql(`drop trigger assessment_figures_insert on social.assessment;`);
    this.addSql(`drop trigger assessment_figures_update on social.assessment;`);
    this.addSql(`drop trigger assessment_figures_delete on social.assessment;`);
    this.addSql(`drop trigger recipient_figures_insert on social.recipient;`);
    this.addSql(`drop trigger recipient_figures_update on social.recipient;`);
    this.addSql(`drop trigger recipient_figures_delete on social.recipient;`);
    this.addSql(`drop trigger housing_unit_figures_insert on social.housing_unit;`);
    this.addSql(`drop trigger housing_unit_figures_update on social.housing_unit;`);
    this.addSql(`drop trigger housing_unit_figures_delete on social.housing_unit;`);
    this.addSql(`drop trigger housing_occupancy_figures_insert on social.housing_occupancy;`);
    this.addSql(`drop trigger housing_occupancy_figures_update on social.housing_occupancy;`);
    this.addSql(`drop trigger housing_occupancy_figures_delete on social.housing_occupancy;`);
    this.addSql(`drop function social.figures_changed();`);
    this.addSql(`drop function social.figure_owners_of(text, uuid[]);`);
    this.addSql(`drop function social.rebuild_figures();`);
    this.addSql(`drop function social.refresh_figures(uuid[]);`);
    this.addSql(`drop function social.figure_deltas(uuid[]);`);
    this.addSql(`drop function social.figure_owners();`);
    this.addSql(`drop function social.figure_intervals(uuid[]);`);
    this.addSql(`drop table social.figure_owner;`);
    this.addSql(`drop type social.figure_delta;`);
    this.addSql(`drop table social.figure_day;`);
  }
}
