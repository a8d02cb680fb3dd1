import type { EntityManager } from '@mikro-orm/postgresql';
import { HousingKind } from '../housing/housing.enums.js';
import type { ApplicationFigures, HousingFigures, PeopleCount } from './indicators.model.js';

/** Same sentinel as coordination's `REGION_SCOPE`: the key both subgraphs resolve. */
export const REGION_SCOPE = 'region';

/** A scope and a date: one `Indicators` reference. */
export interface IndicatorKey {
  scope: string;
  asOf: string;
}
export const keyOf = (k: IndicatorKey) => `${k.scope}\u0000${k.asOf}`;

type Row = Record<string, string | number | null>;

/** A PostgreSQL array literal: the driver binds a JS array as a list, not as one array value. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

// Every statement starts from the requested keys, so one statement answers a whole series.
const KEYS = `k(scope, as_of) as (select distinct * from unnest(?::text[], ?::date[]))`;
const IN_SCOPE = (column: string) => `(k.scope = '${REGION_SCOPE}' or ${column} = k.scope)`;

async function select(em: EntityManager, keys: readonly IndicatorKey[], sql: string): Promise<Row[]> {
  return (await em
    .getConnection()
    .execute(
      sql,
      [pgArray(keys.map((k) => k.scope)), pgArray(keys.map((k) => k.asOf))],
      'all',
      em.getTransactionContext(),
    )) as Row[];
}

const rowKey = (r: Row) => `${r.scope}\u0000${r.as_of}`;

/** Seed 001 §14: on time means decided on or before the decision due date (10 calendar days). */
export async function applicationFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, ApplicationFigures>> {
  const rows = await select(
    em,
    keys,
    `with ${KEYS}
     select k.scope, to_char(k.as_of, 'YYYY-MM-DD') as as_of,
       count(a.id)::int as submitted,
       count(a.id) filter (where a.decided_on <= k.as_of)::int as decided,
       count(a.id) filter (where a.decided_on <= k.as_of and a.decided_on <= a.decision_due_on)::int as on_time,
       count(a.id) filter (where a.decided_on is null or a.decided_on > k.as_of)::int as pending,
       count(a.id) filter (where (a.decided_on is null or a.decided_on > k.as_of)
         and a.decision_due_on < k.as_of)::int as pending_overdue
     from k left join (social.application a join social.recipient r on r.id = a.recipient_id)
       on a.submitted_on <= k.as_of and ${IN_SCOPE('r.municipality')}
     group by k.scope, k.as_of`,
  );
  return new Map(
    rows.map((r) => {
      const decided = Number(r.decided);
      const onTime = Number(r.on_time);
      return [
        rowKey(r),
        {
          submitted: Number(r.submitted),
          decided,
          decidedOnTime: onTime,
          shareDecidedOnTime: decided === 0 ? null : onTime / decided,
          pending: Number(r.pending),
          pendingOverdue: Number(r.pending_overdue),
        },
      ];
    }),
  );
}

/** People in each stage on the date: started by it and not ended by it. */
export async function peopleByStage(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, PeopleCount[]>> {
  const rows = await select(
    em,
    keys,
    `with ${KEYS}
     select k.scope, to_char(k.as_of, 'YYYY-MM-DD') as as_of, s.kind as key, null as label,
       count(distinct s.recipient_id)::int as people
     from k join social.stage s on s.started_on <= k.as_of and (s.ended_on is null or s.ended_on > k.as_of)
     join social.recipient r on r.id = s.recipient_id and ${IN_SCOPE('r.municipality')}
     group by k.scope, k.as_of, s.kind
     order by k.scope, k.as_of, s.kind`,
  );
  return grouped(rows);
}

export interface AssessmentFigures {
  byDegree: PeopleCount[];
  byServiceType: PeopleCount[];
  reassessmentsOverdue: number;
}

/**
 * Each person's latest assessment by the date, for people not terminated by then: their autonomy
 * degree, their service type and whether the re-assessment was due before the date. One statement
 * (grouping sets) for the three figures.
 */
export async function assessmentFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, AssessmentFigures>> {
  const rows = await select(
    em,
    keys,
    `with ${KEYS},
     latest as (
       select k.scope, k.as_of, la.*
       from k cross join lateral (
         select distinct on (a.recipient_id) a.recipient_id, a.degree, a.service_type_code, a.service_type_name,
           a.reassessment_due_on
         from social.assessment a join social.recipient r on r.id = a.recipient_id
         where a.assessed_on <= k.as_of and ${IN_SCOPE('r.municipality')}
           and not exists (select 1 from social.stage t where t.recipient_id = a.recipient_id
             and t.end_reason = 'TERMINATED' and t.ended_on <= k.as_of)
         order by a.recipient_id, a.assessed_on desc, a.created_at desc) la)
     select scope, to_char(as_of, 'YYYY-MM-DD') as as_of, degree::text as degree, service_type_code,
       max(service_type_name) as service_type_name,
       grouping(degree) as no_degree, grouping(service_type_code) as no_type,
       count(*)::int as people,
       count(*) filter (where reassessment_due_on < as_of)::int as overdue
     from latest
     group by grouping sets ((scope, as_of, degree), (scope, as_of, service_type_code), (scope, as_of))
     order by 1, 2, 3, 4`,
  );
  const out = new Map<string, AssessmentFigures>(
    keys.map((k) => [keyOf(k), { byDegree: [], byServiceType: [], reassessmentsOverdue: 0 }]),
  );
  for (const r of rows) {
    const figures = out.get(rowKey(r));
    if (!figures) continue;
    const noDegree = Number(r.no_degree) === 1;
    const noType = Number(r.no_type) === 1;
    if (!noDegree) figures.byDegree.push({ key: String(r.degree), label: null, people: Number(r.people) });
    else if (!noType)
      figures.byServiceType.push({
        key: String(r.service_type_code),
        label: r.service_type_name === null ? null : String(r.service_type_name),
        people: Number(r.people),
      });
    else figures.reassessmentsOverdue = Number(r.overdue);
  }
  return out;
}

/**
 * Units and places of each kind in the scope (the registry keeps no opening date: today's units),
 * and places occupied on the date (from the occupancy's first day to the day it was vacated).
 */
export async function housingFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, HousingFigures[]>> {
  const rows = await select(
    em,
    keys,
    `with ${KEYS}
     select k.scope, to_char(k.as_of, 'YYYY-MM-DD') as as_of, u.kind,
       count(*)::int as units, sum(u.places)::int as places, sum(o.n)::int as occupied
     from k join social.housing_unit u on ${IN_SCOPE('u.municipality')}
     cross join lateral (select count(*) as n from social.housing_occupancy h
       where h.unit_id = u.id and h.from_date <= k.as_of and (h.to_date is null or h.to_date > k.as_of)) o
     group by k.scope, k.as_of, u.kind
     order by k.scope, k.as_of, u.kind`,
  );
  const out = new Map<string, HousingFigures[]>();
  for (const r of rows) {
    const list = out.get(rowKey(r)) ?? [];
    list.push({
      kind: r.kind as HousingKind,
      units: Number(r.units),
      places: Number(r.places),
      occupied: Number(r.occupied),
    });
    out.set(rowKey(r), list);
  }
  return out;
}

export const isTrainingFlat = (h: HousingFigures) => h.kind === HousingKind.TRAINING_FLAT;

function grouped(rows: Row[]): Map<string, PeopleCount[]> {
  const out = new Map<string, PeopleCount[]>();
  for (const r of rows) {
    const list = out.get(rowKey(r)) ?? [];
    list.push({
      key: String(r.key),
      label: r.label === null ? null : String(r.label),
      people: Number(r.people),
    });
    out.set(rowKey(r), list);
  }
  return out;
}

/**
 * The municipalities the social case knows on a date: where people who had applied by then live
 * and where housing units stand. The other subgraphs' figures per municipality are asked for these.
 */
export async function knownMunicipalities(em: EntityManager, asOf: string): Promise<string[]> {
  const rows = (await em.getConnection().execute(
    `select municipality from social.recipient r
       where exists (select 1 from social.application a where a.recipient_id = r.id and a.submitted_on <= ?)
     union select municipality from social.housing_unit
     order by 1`,
    [asOf],
    'all',
    em.getTransactionContext(),
  )) as Row[];
  return rows.map((r) => String(r.municipality));
}
