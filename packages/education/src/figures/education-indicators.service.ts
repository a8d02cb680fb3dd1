import type { EntityManager } from '@mikro-orm/postgresql';
import { INDICATOR_KEYS_CTE, type IndicatorKey, indicatorKeyParams, selectRows } from '@sl/core';
import type { EducationFigures } from './education-indicators.model.js';

/**
 * Education's figures for every requested key in ONE statement (a series of 24 months costs what
 * one date costs). A person studies on a day from the enrolment's start to its end, both included;
 * people are counted once however many enrolments they have.
 */
export async function educationFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, EducationFigures>> {
  const rows = await selectRows(
    em,
    `with ${INDICATOR_KEYS_CTE}
     select k.scope, to_char(k.as_of, 'YYYY-MM-DD') as as_of,
       count(distinct e.recipient_id)::int as people,
       count(distinct e.recipient_id) filter (where e.level = 'GENERAL')::int as general,
       count(distinct e.recipient_id) filter (where e.level = 'VOCATIONAL')::int as vocational,
       count(distinct e.recipient_id) filter (where e.level = 'FURTHER_PROFESSIONAL')::int as further,
       (select count(*) from education.enrolment c where c.status = 'COMPLETED' and c.end_date <= k.as_of)::int as completed,
       (select count(*) from education.pmpk_recommendation p where p.issued_on <= k.as_of)::int as pmpk,
       (select count(*) from education.guidance_session g where g.held_on <= k.as_of)::int as guidance
     from k left join education.enrolment e
       on e.start_date <= k.as_of and (e.end_date is null or e.end_date >= k.as_of)
     group by k.scope, k.as_of`,
    indicatorKeyParams(keys),
  );
  return new Map(
    rows.map((r) => [
      `${r.scope}\u0000${r.as_of}`,
      {
        peopleInEducation: Number(r.people),
        peopleInGeneralEducation: Number(r.general),
        peopleInVocationalEducation: Number(r.vocational),
        peopleInFurtherProfessionalEducation: Number(r.further),
        educationProgrammesCompleted: Number(r.completed),
        pmpkRecommendationsIssued: Number(r.pmpk),
        vocationalGuidanceSessions: Number(r.guidance),
      },
    ]),
  );
}
