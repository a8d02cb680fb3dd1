import type { EntityManager } from '@mikro-orm/postgresql';
import { INDICATOR_KEYS_CTE, type IndicatorKey, indicatorKeyParams, selectRows } from '@sl/core';
import type { HealthFigures } from './health-indicators.model.js';

/**
 * Health's figures for every requested key in ONE statement (a series of 24 months costs what one
 * date costs). Each figure is a count as of the end of the key's day; the scope is not read:
 * the resolver asks for the region only.
 */
export async function healthFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, HealthFigures>> {
  const rows = await selectRows(
    em,
    `with ${INDICATOR_KEYS_CTE}
     select k.scope, to_char(k.as_of, 'YYYY-MM-DD') as as_of,
       (select count(*) from health.medical_conclusion c where c.issued_on <= k.as_of)::int as issued,
       (select count(*) from health.medical_conclusion c where c.issued_on <= k.as_of
         and c.contraindications_present)::int as contraindicated,
       (select count(*) from health.medical_conclusion c where c.issued_on <= k.as_of
         and (c.valid_until is null or c.valid_until >= k.as_of))::int as valid,
       (select count(*) from health.request_answer a where a.answered_on <= k.as_of)::int as answered,
       (select count(distinct e.recipient_id) from health.rehabilitation_episode e where e.start_date <= k.as_of
         and (e.end_date is null or e.end_date >= k.as_of))::int as rehabilitation,
       (select count(*) from health.mobile_team_visit v where v.visited_on <= k.as_of)::int as visits
     from k`,
    indicatorKeyParams(keys),
  );
  return new Map(
    rows.map((r) => [
      `${r.scope}\u0000${r.as_of}`,
      {
        medicalConclusionsIssued: Number(r.issued),
        medicalConclusionsWithContraindications: Number(r.contraindicated),
        medicalConclusionsValid: Number(r.valid),
        interagencyRequestsAnsweredByHealth: Number(r.answered),
        peopleInMedicalRehabilitation: Number(r.rehabilitation),
        mobileTeamVisits: Number(r.visits),
      },
    ]),
  );
}
