import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INDICATOR_KEYS_CTE,
  type IndicatorKey,
  indicatorKeyParams,
  REGION_SCOPE,
  selectRows,
} from '@sl/core';
import type { EmploymentFigures } from './employment-indicators.model.js';

/** A job or a vacancy is in a municipality when its employer is (the region holds them all). */
const EMPLOYER_IN_SCOPE = `(k.scope = '${REGION_SCOPE}' or w.municipality = k.scope)`;
const SUPPORT_ACTIVE = 's.start_date <= k.as_of and (s.end_date is null or s.end_date >= k.as_of)';

/**
 * Employment's figures for every requested key, region and municipalities alike, in ONE statement
 * (a series of 24 months costs what one date costs). A placement counts on a day from its start to
 * its end, both included; people are counted once however many placements they have. The support
 * figures are computed for every key; the resolver withholds them from a municipality.
 */
export async function employmentFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, EmploymentFigures>> {
  const rows = await selectRows(
    em,
    `with ${INDICATOR_KEYS_CTE}
     select k.scope, to_char(k.as_of, 'YYYY-MM-DD') as as_of,
       (select count(distinct p.recipient_id) from employment.placement p
          join employment.employer w on w.id = p.employer_id
          where p.start_date <= k.as_of and (p.end_date is null or p.end_date >= k.as_of) and ${EMPLOYER_IN_SCOPE})::int as employed,
       (select count(distinct p.recipient_id) from employment.placement p
          join employment.employer w on w.id = p.employer_id
          where p.start_date <= k.as_of and (p.end_date is null or p.end_date >= k.as_of) and p.supported
            and ${EMPLOYER_IN_SCOPE})::int as supported,
       (select count(distinct p.recipient_id) from employment.placement p
          join employment.employer w on w.id = p.employer_id
          where p.start_date <= k.as_of and (p.end_date is null or p.end_date >= k.as_of) and p.quota
            and ${EMPLOYER_IN_SCOPE})::int as quota,
       v.open, v.quota_open, v.created, v.equipped, v.above_quota,
       (select count(distinct s.recipient_id) from employment.employment_support s
          where s.kind = 'UNEMPLOYMENT_REGISTRATION' and ${SUPPORT_ACTIVE})::int as unemployed,
       (select count(distinct s.recipient_id) from employment.employment_support s
          where s.kind = 'VOCATIONAL_TRAINING' and ${SUPPORT_ACTIVE})::int as training,
       (select count(*) from employment.employment_support s
          where s.kind = 'VOCATIONAL_GUIDANCE' and s.start_date <= k.as_of)::int as guidance,
       (select count(*) from employment.employment_support s
          where s.kind = 'SELF_EMPLOYMENT_SUPPORT' and s.start_date <= k.as_of)::int as self_employment
     from k cross join lateral (
       select
         count(*) filter (where x.opened_on <= k.as_of and (x.closed_on is null or x.closed_on > k.as_of))::int as open,
         count(*) filter (where x.quota and x.opened_on <= k.as_of and (x.closed_on is null or x.closed_on > k.as_of))::int as quota_open,
         count(*) filter (where x.origin = 'CREATED' and x.opened_on <= k.as_of)::int as created,
         count(*) filter (where x.origin = 'EQUIPPED' and x.opened_on <= k.as_of)::int as equipped,
         count(*) filter (where x.origin = 'ABOVE_QUOTA' and x.opened_on <= k.as_of)::int as above_quota
       from employment.vacancy x join employment.employer w on w.id = x.employer_id
       where ${EMPLOYER_IN_SCOPE}) v`,
    indicatorKeyParams(keys),
  );
  return new Map(
    rows.map((r) => [
      `${r.scope}\u0000${r.as_of}`,
      {
        peopleEmployed: Number(r.employed),
        peopleInSupportedEmployment: Number(r.supported),
        peopleOnQuotaJobs: Number(r.quota),
        vacanciesOpen: Number(r.open),
        quotaVacanciesOpen: Number(r.quota_open),
        workplacesCreated: Number(r.created),
        workplacesEquipped: Number(r.equipped),
        workplacesAboveQuota: Number(r.above_quota),
        registeredUnemployed: Number(r.unemployed),
        peopleInVocationalTraining: Number(r.training),
        vocationalGuidanceGiven: Number(r.guidance),
        selfEmploymentSupported: Number(r.self_employment),
      },
    ]),
  );
}
