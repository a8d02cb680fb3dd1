import type { EntityManager } from '@mikro-orm/postgresql';
import { figureTotal, figureTotals, type IndicatorKey, REGION_SCOPE } from '@sl/core';
import { HousingKind } from '../housing/housing.enums.js';
import type { ApplicationFigures, HousingFigures, PeopleCount } from './indicators.model.js';

export { type IndicatorKey, REGION_SCOPE } from '@sl/core';

type Row = Record<string, string | number | null>;

/** The social case's maintained figures (migration `figure_days`) on each key. */
const totals = (em: EntityManager, keys: readonly IndicatorKey[], figures: readonly string[]) =>
  figureTotals(em, 'social', keys, figures);

/**
 * Seed 001 §14: on time means decided on or before the decision due date (10 calendar days).
 * Pending overdue: submitted, not decided by the date, and its due date before it.
 */
export async function applicationFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, ApplicationFigures>> {
  const all = await totals(em, keys, ['app.submitted', 'app.decided', 'app.on_time', 'app.pending_overdue']);
  return new Map(
    [...all].map(([key, t]) => {
      const submitted = figureTotal(t, 'app.submitted');
      const decided = figureTotal(t, 'app.decided');
      const onTime = figureTotal(t, 'app.on_time');
      return [
        key,
        {
          submitted,
          decided,
          decidedOnTime: onTime,
          shareDecidedOnTime: decided === 0 ? null : onTime / decided,
          pending: submitted - decided,
          pendingOverdue: figureTotal(t, 'app.pending_overdue'),
        },
      ];
    }),
  );
}

const counts = (dims: Map<string, number> | undefined): PeopleCount[] =>
  [...(dims ?? [])]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, people]) => ({ key, label: null, people }));

/** People in each stage on the date: started by it and not ended by it. */
export async function peopleByStage(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, PeopleCount[]>> {
  const all = await totals(em, keys, ['stage']);
  return new Map([...all].map(([key, t]) => [key, counts(t.get('stage'))]));
}

export interface AssessmentFigures {
  byDegree: PeopleCount[];
  byServiceType: PeopleCount[];
  reassessmentsOverdue: number;
}

/**
 * Each person's latest assessment by the date, for people not terminated by then: their autonomy
 * degree, their service type and whether the re-assessment was due before the date.
 */
export async function assessmentFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, AssessmentFigures>> {
  const all = await totals(em, keys, ['asm.degree', 'asm.type', 'asm.overdue']);
  return new Map(
    [...all].map(([key, t]) => {
      // A service type's step carries its code and name: one entry per code, named as recorded.
      const types = new Map<string, PeopleCount>();
      for (const [dim, people] of t.get('asm.type') ?? []) {
        const [code = dim, name = null] = dim.split('\u001f');
        const entry = types.get(code) ?? { key: code, label: null, people: 0 };
        entry.people += people;
        if (name !== null && (entry.label === null || name > entry.label)) entry.label = name;
        types.set(code, entry);
      }
      return [
        key,
        {
          byDegree: counts(t.get('asm.degree')),
          byServiceType: [...types.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
          reassessmentsOverdue: figureTotal(t, 'asm.overdue'),
        },
      ];
    }),
  );
}

/**
 * Units and places of each kind in the scope (the registry keeps no opening date: today's units),
 * and places occupied on the date (from the occupancy's first day to the day it was vacated).
 */
export async function housingFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, HousingFigures[]>> {
  const all = await totals(em, keys, ['housing.units', 'housing.places', 'housing.occupied']);
  return new Map(
    [...all].map(([key, t]) => [
      key,
      counts(t.get('housing.units')).map(({ key: kind, people: units }) => ({
        kind: kind as HousingKind,
        units,
        places: t.get('housing.places')?.get(kind) ?? 0,
        occupied: t.get('housing.occupied')?.get(kind) ?? 0,
      })),
    ]),
  );
}

export const isTrainingFlat = (h: HousingFigures) => h.kind === HousingKind.TRAINING_FLAT;

/**
 * The municipalities the social case knows on a date: where people who had applied by then live
 * and where housing units stand. The other subgraphs' figures per municipality are asked for these.
 */
export async function knownMunicipalities(em: EntityManager, asOf: string): Promise<string[]> {
  const rows = (await em.getConnection().execute(
    `select scope from social.figure_day
      where scope <> ? and (figure = 'app.submitted' and day <= ? or figure = 'housing.units')
      group by scope having sum(n) > 0
      order by 1`,
    [REGION_SCOPE, asOf],
    'all',
    em.getTransactionContext(),
  )) as Row[];
  return rows.map((r) => String(r.scope));
}
