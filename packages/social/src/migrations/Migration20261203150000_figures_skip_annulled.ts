import { Migration } from '@mikro-orm/migrations';

export class Migration20261203150000_figures_skip_annulled extends Migration {
  override name = 'Migration20261203150000_figures_skip_annulled';

  // An annulled assessment or decision is corrected, not a fact: the Council's figures skip it
  // (seed 001 §14's "decided" and "on time" count only decisions in force). The rows that already
  // carry an annulment are touched once, so their owners' figures are recomputed by the triggers.
  override up(): void | Promise<void> {
    this.addSql(`create or replace function social.figure_intervals(ids uuid[])
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
    -- An annulled decision is no decision (and its application is no longer open): only submitted.
    and (a.decision_annulled_at is null or f.figure = 'app.submitted')
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
    from social.assessment a where a.recipient_id = any(ids) and a.annulled_at is null) x
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
    this.addSql(
      `update social.application set decision_annulled_at = decision_annulled_at where decision_annulled_at is not null;`,
    );
    this.addSql(`update social.assessment set annulled_at = annulled_at where annulled_at is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create or replace function social.figure_intervals(ids uuid[])
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
    this.addSql(
      `update social.application set decision_annulled_at = decision_annulled_at where decision_annulled_at is not null;`,
    );
    this.addSql(`update social.assessment set annulled_at = annulled_at where annulled_at is not null;`);
  }
}
