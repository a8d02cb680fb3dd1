import type { RuleSetData } from './rule-set.js';

/**
 * The autonomy score and its four degrees are federal (order 606н of 28.07.2023), so every
 * region's rule set shares them: seed 001 §9 — I 23–68, II 69–136, III 137–204, IV 205–272.
 */
export const federalAutonomyBands: Pick<RuleSetData, 'score' | 'degrees'> = {
  score: { min: 23, max: 272 },
  degrees: [
    { degree: 'I', minScore: 23, maxScore: 68 },
    { degree: 'II', minScore: 69, maxScore: 136 },
    { degree: 'III', minScore: 137, maxScore: 204 },
    { degree: 'IV', minScore: 205, maxScore: 272 },
  ],
};
