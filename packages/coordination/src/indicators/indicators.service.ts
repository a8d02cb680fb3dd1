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

type Row = Record<string, string | number | boolean | null>;

async function rows(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  return (await em.getConnection().execute(sql, params, 'all', em.getTransactionContext())) as Row[];
}

/** Which roadmaps a figure counts: one region's (`region`), one roadmap, or all when neither. */
export interface RoadmapScope {
  region: string | null;
  roadmapId: string | null;
}

export const ALL_ROADMAPS: RoadmapScope = { region: null, roadmapId: null };

/** The agencies' counts and the totals of one date. */
export interface Execution {
  byAgency: ExecutionCounts[];
  totals: ExecutionCounts;
}

const EMPTY_TOTALS: ExecutionCounts = {
  agencyId: null,
  agencyName: null,
  total: 0,
  done: 0,
  doneLate: 0,
  late: 0,
  inProgress: 0,
  notStarted: 0,
};

/**
 * Obligations by executing agency as of each date, in ONE statement for all dates. Every agency an
 * item names, responsible or co-executing, is counted for it (seed 000 items 9, 15, 20: the ministry
 * of education beside social policy), so the agencies' rows add up to more than the totals, which
 * count each obligation once; an item with no agency the directory knows is counted under none.
 * History from the dates the data keeps: done when completed by the date, late when not done by the
 * date and due before it, in progress when not due yet and reported on by the date (the stored
 * status is used from today on, so today's figures equal the obligation list's LATE/IN_PROGRESS
 * filters). Cancelled obligations and withdrawn items count nowhere.
 */
export async function executionByAgency(
  em: EntityManager,
  dates: readonly string[],
  today: string,
  scope: RoadmapScope = ALL_ROADMAPS,
): Promise<Map<string, Execution>> {
  const result = await rows(
    em,
    `with k(as_of) as (select distinct unnest(?::date[])),
       first_report as (select obligation_id, min(reported_on) as on_date from coordination.progress_report group by obligation_id),
       o as (
         select k.as_of, ob.id, ob.item_id,
           (ob.status = 'DONE' and ob.completed_on <= k.as_of) as done,
           (ob.status = 'DONE' and ob.completed_on <= k.as_of and ob.completed_on > ob.due_date) as done_late,
           ob.due_date, ob.status, fr.on_date as first_report
         from k cross join coordination.obligation ob
         join coordination.roadmap_item i on i.id = ob.item_id and not i.withdrawn
         join coordination.roadmap r on r.id = ob.roadmap_id
         left join first_report fr on fr.obligation_id = ob.id
         where ob.status <> 'CANCELLED'
           and (?::text is null or r.region = ?::text)
           and (?::uuid is null or ob.roadmap_id = ?::uuid)),
       flagged as (
         select o.as_of, o.id, o.item_id, o.done, o.done_late,
           (not o.done and o.due_date < o.as_of) as late,
           (not o.done and o.due_date >= o.as_of and
             case when o.as_of >= ?::date then o.status = 'IN_PROGRESS' else o.first_report <= o.as_of end) as in_progress
         from o),
       executing as (select distinct item_id, agency_id from coordination.item_executor where agency_id is not null),
       per_agency as (select f.*, e.agency_id from flagged f left join executing e on e.item_id = f.item_id)
     select to_char(p.as_of, 'YYYY-MM-DD') as as_of, false as is_total, p.agency_id, a.name as agency_name,
       count(*)::int as total, count(*) filter (where done)::int as done,
       count(*) filter (where done_late)::int as done_late, count(*) filter (where late)::int as late,
       count(*) filter (where in_progress)::int as in_progress
     from per_agency p left join coordination.agency a on a.id = p.agency_id
     group by p.as_of, p.agency_id, a.name
     union all
     select to_char(f.as_of, 'YYYY-MM-DD'), true, null, null,
       count(*)::int, count(*) filter (where done)::int, count(*) filter (where done_late)::int,
       count(*) filter (where late)::int, count(*) filter (where in_progress)::int
     from flagged f group by f.as_of
     order by 1, 2, 4 nulls last`,
    [`{${dates.join(',')}}`, scope.region, scope.region, scope.roadmapId, scope.roadmapId, today],
  );
  const out = new Map<string, Execution>(
    dates.map((d) => [d, { byAgency: [], totals: { ...EMPTY_TOTALS } }]),
  );
  for (const r of result) {
    const total = Number(r.total);
    const done = Number(r.done);
    const late = Number(r.late);
    const inProgress = Number(r.in_progress);
    const counts: ExecutionCounts = {
      agencyId: r.agency_id === null ? null : String(r.agency_id),
      agencyName: r.agency_name === null ? null : String(r.agency_name),
      total,
      done,
      doneLate: Number(r.done_late),
      late,
      inProgress,
      notStarted: total - done - late - inProgress,
    };
    const day = out.get(String(r.as_of));
    if (!day) continue;
    if (String(r.is_total) === 'true') day.totals = counts;
    else day.byAgency.push(counts);
  }
  return out;
}

/**
 * People in the need registry (kept as the registry changes: migration `figure_days`) and Council
 * decisions overdue as of each date, one statement.
 * A decision is overdue on a date when its meeting had been held, it was due before the date and
 * it was neither cancelled nor done by then (today: the `overdue` filter of `councilDecisions`); of
 * one region's Council when `region` is given.
 */
export async function registryAndDecisions(
  em: EntityManager,
  dates: readonly string[],
  region: string | null = null,
): Promise<Map<string, { peopleIdentified: number; councilDecisionsOverdue: number }>> {
  const result = await rows(
    em,
    `with k(as_of) as (select distinct unnest(?::date[]))
     select to_char(k.as_of, 'YYYY-MM-DD') as as_of,
       (select coalesce(sum(f.n), 0) from coordination.figure_day f
         where f.figure = 'need.identified' and f.scope = 'region' and f.day <= k.as_of)::int as identified,
       (select count(*) from coordination.council_decision d join coordination.council_meeting m on m.id = d.meeting_id
         where m.held_on <= k.as_of and d.due_date < k.as_of and d.status <> 'CANCELLED'
           and (d.done_on is null or d.done_on > k.as_of)
           and (?::text is null or m.region = ?::text))::int as overdue
     from k`,
    [`{${dates.join(',')}}`, region, region],
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
