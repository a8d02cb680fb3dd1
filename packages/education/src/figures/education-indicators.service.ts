import type { EntityManager } from '@mikro-orm/postgresql';
import { figureTotal, figureTotals, type IndicatorKey } from '@sl/core';
import type { EducationFigures } from './education-indicators.model.js';

/**
 * Education's figures for every requested key, from the figures the database keeps as the records
 * change (migration `figure_days`). A person studies on a day from the enrolment's start to its
 * end, both included; people are counted once however many enrolments they have. The region's
 * figures, whatever the key's scope (as before: education keeps no municipality).
 */
export async function educationFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, EducationFigures>> {
  const all = await figureTotals(
    em,
    'education',
    keys.map((k) => ({ scope: 'region', asOf: k.asOf })),
    ['studying', 'studying.level', 'completed', 'pmpk', 'guidance'],
  );
  return new Map(
    keys.map((k) => {
      const t = all.get(`region\u0000${k.asOf}`);
      const level = (name: string) => t?.get('studying.level')?.get(name) ?? 0;
      return [
        `${k.scope}\u0000${k.asOf}`,
        {
          peopleInEducation: figureTotal(t, 'studying'),
          peopleInGeneralEducation: level('GENERAL'),
          peopleInVocationalEducation: level('VOCATIONAL'),
          peopleInFurtherProfessionalEducation: level('FURTHER_PROFESSIONAL'),
          educationProgrammesCompleted: figureTotal(t, 'completed'),
          pmpkRecommendationsIssued: figureTotal(t, 'pmpk'),
          vocationalGuidanceSessions: figureTotal(t, 'guidance'),
        },
      ];
    }),
  );
}
