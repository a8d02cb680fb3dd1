import type { EntityManager } from '@mikro-orm/postgresql';
import { figureTotal, figureTotals, type IndicatorKey, REGION_SCOPE } from '@sl/core';
import type { EmploymentFigures } from './employment-indicators.model.js';

const SCOPED = [
  'employed',
  'employed.supported',
  'employed.quota',
  'vacancy.open',
  'vacancy.quota_open',
  'vacancy.created',
  'vacancy.equipped',
  'vacancy.above_quota',
];
const REGIONAL = ['support.unemployed', 'support.training', 'support.guidance', 'support.self_employment'];

/**
 * Employment's figures for every requested key, from the figures the database keeps as the records
 * change (migration `figure_days`). A job or a vacancy is in its employer's municipality. A
 * placement counts on a day from its start to its end, both included; people are counted once
 * however many placements they have. The support figures are the region's for every key; the
 * resolver withholds them from a municipality.
 */
export async function employmentFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, EmploymentFigures>> {
  // One statement: the keys, and the region on each of their dates for the support figures.
  const regionKeys = keys.map((k) => ({ scope: REGION_SCOPE, asOf: k.asOf }));
  const all = await figureTotals(em, 'employment', [...keys, ...regionKeys], [...SCOPED, ...REGIONAL]);
  return new Map(
    keys.map((k) => {
      const key = `${k.scope}\u0000${k.asOf}`;
      const t = all.get(key);
      const r = all.get(`${REGION_SCOPE}\u0000${k.asOf}`);
      return [
        key,
        {
          peopleEmployed: figureTotal(t, 'employed'),
          peopleInSupportedEmployment: figureTotal(t, 'employed.supported'),
          peopleOnQuotaJobs: figureTotal(t, 'employed.quota'),
          vacanciesOpen: figureTotal(t, 'vacancy.open'),
          quotaVacanciesOpen: figureTotal(t, 'vacancy.quota_open'),
          workplacesCreated: figureTotal(t, 'vacancy.created'),
          workplacesEquipped: figureTotal(t, 'vacancy.equipped'),
          workplacesAboveQuota: figureTotal(t, 'vacancy.above_quota'),
          registeredUnemployed: figureTotal(r, 'support.unemployed'),
          peopleInVocationalTraining: figureTotal(r, 'support.training'),
          vocationalGuidanceGiven: figureTotal(r, 'support.guidance'),
          selfEmploymentSupported: figureTotal(r, 'support.self_employment'),
        },
      ];
    }),
  );
}
