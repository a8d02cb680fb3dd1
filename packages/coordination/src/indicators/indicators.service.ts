import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '@sl/core';
import { localDateOf, ValidationError } from '@sl/core';
import type { Target } from '../roadmap/targets.js';
import { indicatorOf } from './indicator-targets.js';
import type { ExecutionCounts, IndicatorTarget } from './indicators.model.js';
import { REGION_SCOPE } from './indicators.model.js';

/** At most five years of months in one series: a dashboard chart, not a data export. */
export const MAX_SERIES_MONTHS = 60;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The scope key of a request: the region, or a municipality's name as the records write it. */
export function scopeOf(municipality: string | null | undefined): string {
  if (municipality === null || municipality === undefined) return REGION_SCOPE;
  const name = municipality.trim();
  if (name.length === 0 || name.length > 200 || name === REGION_SCOPE)
    throw new ValidationError(
      'Укажите название муниципального образования',
      'municipality',
      'MUNICIPALITY_INVALID',
    );
  return name;
}

/** The last day of each month from `from`'s month to `to`'s month, `to` itself when it ends earlier. */
export function monthEnds(from: string, to: string): string[] {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to) || from > to)
    throw new ValidationError('Начало периода должно быть не позже его конца', 'from', 'PERIOD_INVALID');
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const out: string[] = [];
  for (;;) {
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    out.push(last < to ? last : to);
    if (last >= to) break;
    if (out.length >= MAX_SERIES_MONTHS)
      throw new ValidationError(
        `Ряд не может быть длиннее ${MAX_SERIES_MONTHS} месяцев`,
        'to',
        'PERIOD_TOO_LONG',
      );
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

export function todayOf(clock: Clock): string {
  return localDateOf(clock.now());
}

type Row = Record<string, string | number | null>;

async function rows(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  return (await em.getConnection().execute(sql, params, 'all', em.getTransactionContext())) as Row[];
}

/**
 * Obligations by responsible agency as of each date, in ONE statement for all dates. History from
 * the dates the data keeps: done when completed by the date, late when not done by the date and
 * due before it, in progress when not due yet and reported on by the date (the stored status is
 * used from today on, so today's figures equal the obligation list's LATE/IN_PROGRESS filters).
 * Cancelled obligations and withdrawn items count nowhere.
 */
export async function executionByAgency(
  em: EntityManager,
  dates: readonly string[],
  today: string,
): Promise<Map<string, ExecutionCounts[]>> {
  const result = await rows(
    em,
    `with k(as_of) as (select distinct unnest(?::date[])),
       first_report as (select obligation_id, min(reported_on) as on_date from coordination.progress_report group by obligation_id),
       o as (
         select k.as_of, ob.responsible_agency_id as agency_id,
           (ob.status = 'DONE' and ob.completed_on <= k.as_of) as done,
           ob.due_date, ob.status, fr.on_date as first_report
         from k cross join coordination.obligation ob
         join coordination.roadmap_item i on i.id = ob.item_id and not i.withdrawn
         left join first_report fr on fr.obligation_id = ob.id
         where ob.status <> 'CANCELLED')
     select to_char(o.as_of, 'YYYY-MM-DD') as as_of, o.agency_id, a.name as agency_name,
       count(*)::int as total,
       count(*) filter (where done)::int as done,
       count(*) filter (where not done and due_date < as_of)::int as late,
       count(*) filter (where not done and due_date >= as_of and
         case when as_of >= ?::date then status = 'IN_PROGRESS' else first_report <= as_of end)::int as in_progress
     from o left join coordination.agency a on a.id = o.agency_id
     group by o.as_of, o.agency_id, a.name
     order by o.as_of, a.name nulls last`,
    [`{${dates.join(',')}}`, today],
  );
  const out = new Map<string, ExecutionCounts[]>(dates.map((d) => [d, []]));
  for (const r of result) {
    const total = Number(r.total);
    const done = Number(r.done);
    const late = Number(r.late);
    const inProgress = Number(r.in_progress);
    out.get(String(r.as_of))?.push({
      agencyId: r.agency_id === null ? null : String(r.agency_id),
      agencyName: r.agency_name === null ? null : String(r.agency_name),
      total,
      done,
      late,
      inProgress,
      notStarted: total - done - late - inProgress,
    });
  }
  return out;
}

export function totalsOf(byAgency: ExecutionCounts[]): ExecutionCounts {
  const sum = (k: 'total' | 'done' | 'late' | 'inProgress' | 'notStarted') =>
    byAgency.reduce((s, a) => s + a[k], 0);
  return {
    agencyId: null,
    agencyName: null,
    total: sum('total'),
    done: sum('done'),
    late: sum('late'),
    inProgress: sum('inProgress'),
    notStarted: sum('notStarted'),
  };
}

/**
 * People in the need registry (kept as the registry changes: migration `figure_days`) and Council
 * decisions overdue as of each date, one statement.
 * A decision is overdue on a date when its meeting had been held, it was due before the date and
 * it was neither cancelled nor done by then (today: the `overdue` filter of `councilDecisions`).
 */
export async function registryAndDecisions(
  em: EntityManager,
  dates: readonly string[],
): Promise<Map<string, { peopleIdentified: number; councilDecisionsOverdue: number }>> {
  const result = await rows(
    em,
    `with k(as_of) as (select distinct unnest(?::date[]))
     select to_char(k.as_of, 'YYYY-MM-DD') as as_of,
       (select coalesce(sum(f.n), 0) from coordination.figure_day f
         where f.figure = 'need.identified' and f.scope = 'region' and f.day <= k.as_of)::int as identified,
       (select count(*) from coordination.council_decision d join coordination.council_meeting m on m.id = d.meeting_id
         where m.held_on <= k.as_of and d.due_date < k.as_of and d.status <> 'CANCELLED'
           and (d.done_on is null or d.done_on > k.as_of))::int as overdue
     from k`,
    [`{${dates.join(',')}}`],
  );
  return new Map(
    result.map((r) => [
      String(r.as_of),
      { peopleIdentified: Number(r.identified), councilDecisionsOverdue: Number(r.overdue) },
    ]),
  );
}

/** Targets of the roadmap items that map to an indicator (one statement; items not withdrawn). */
export async function indicatorTargets(em: EntityManager): Promise<IndicatorTarget[]> {
  const result = await rows(
    em,
    `select i.id, coalesce(i.number, i.key) as number, i.measure, i.expected_result, i.targets, r.title
     from coordination.roadmap_item i join coordination.roadmap r on r.id = i.roadmap_id
     where not i.withdrawn and jsonb_array_length(i.targets) > 0
     order by r.title, i.position`,
    [],
  );
  const out: IndicatorTarget[] = [];
  for (const r of result) {
    const targets = (typeof r.targets === 'string'
      ? JSON.parse(r.targets)
      : r.targets) as unknown as Target[];
    const text = `${r.measure ?? ''} ${r.expected_result ?? ''}`;
    for (const t of targets) {
      const indicator = indicatorOf(text, t);
      if (!indicator) continue;
      out.push({
        indicator,
        value: t.value,
        comparator: t.comparator,
        unit: t.unit,
        text: t.text,
        itemNumber: String(r.number),
        itemId: String(r.id),
        roadmapTitle: String(r.title),
      });
    }
  }
  return out;
}
