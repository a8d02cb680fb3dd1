import type { EntityManager } from '@mikro-orm/postgresql';
import { figureTotal, figureTotals, type IndicatorKey } from '@sl/core';
import type { HealthFigures } from './health-indicators.model.js';

/**
 * Health's figures for every requested key, from the figures the database keeps as the records
 * change (migration `figure_days`): a series of 24 months costs what one date costs, and neither
 * depends on the number of people. Each figure is a count as of the end of the key's day; the
 * scope is not read: the resolver asks for the region only.
 */
export async function healthFigures(
  em: EntityManager,
  keys: readonly IndicatorKey[],
): Promise<Map<string, HealthFigures>> {
  const all = await figureTotals(
    em,
    'health',
    keys.map((k) => ({ scope: 'region', asOf: k.asOf })),
    [
      'conclusion.issued',
      'conclusion.contraindicated',
      'conclusion.valid',
      'answer',
      'rehabilitation',
      'mobile_visit',
    ],
  );
  return new Map(
    keys.map((k) => {
      const t = all.get(`region\u0000${k.asOf}`);
      return [
        `${k.scope}\u0000${k.asOf}`,
        {
          medicalConclusionsIssued: figureTotal(t, 'conclusion.issued'),
          medicalConclusionsWithContraindications: figureTotal(t, 'conclusion.contraindicated'),
          medicalConclusionsValid: figureTotal(t, 'conclusion.valid'),
          interagencyRequestsAnsweredByHealth: figureTotal(t, 'answer'),
          peopleInMedicalRehabilitation: figureTotal(t, 'rehabilitation'),
          mobileTeamVisits: figureTotal(t, 'mobile_visit'),
        },
      ];
    }),
  );
}
