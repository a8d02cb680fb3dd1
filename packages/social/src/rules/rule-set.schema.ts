import { z } from 'zod';
import { ApplicationDocumentKind, RefusalGround } from '../application/application.enums.js';
import { TerminationReason } from '../termination/termination.enums.js';

const hoursRange = z.object({
  min: z.number().positive(),
  max: z.number().positive(),
  per: z.enum(['WEEK', 'DAY']),
});

/**
 * A region's rules of supported living as data: score bands, the service type (or mode) each
 * degree gives with its hours, and the deadlines. Adding a region is adding a data file.
 */
export const ruleSetSchema = z
  .object({
    region: z.string(),
    source: z.string(),
    /** The body that decides and writes to the person (the letterhead of its letters, 001 §13). */
    authority: z.string(),
    score: z.object({ min: z.number().int(), max: z.number().int() }),
    degrees: z
      .array(
        z.object({
          degree: z.enum(['I', 'II', 'III', 'IV']),
          minScore: z.number().int(),
          maxScore: z.number().int(),
        }),
      )
      .min(1),
    /**
     * The questionnaire behind the score (order 606н): each item's points are 1 plus its weight for
     * every level of help above "alone"; the items' minimum and maximum totals are the score's range.
     */
    questionnaire: z.object({
      source: z.string(),
      levels: z.array(z.string()).min(2),
      items: z
        .array(
          z.object({
            code: z.string().regex(/^[A-Z_]+$/),
            category: z.string(),
            text: z.string(),
            weight: z.number().int().positive(),
          }),
        )
        .min(1),
    }),
    serviceTypes: z.array(z.object({ code: z.string(), name: z.string(), hours: hoursRange })).min(1),
    serviceTypeByDegree: z.record(z.enum(['I', 'II', 'III', 'IV']), z.string()),
    decisionDays: z.number().int().positive(),
    reassessmentYears: z.number().int().positive(),
    interagencyResponseWorkingDays: z.number().int().positive(),
    training: z.object({
      firstReviewAfterMonths: z.number().int().positive(),
      reviewEveryMonths: z.number().int().positive(),
      maxReviews: z.number().int().positive(),
    }),
    /**
     * Which date a termination takes effect from, for each ground of seed 001 §17: the date of the
     * ground itself (the application filed, the death, the breach…) or the date the person's
     * application names.
     */
    termination: z.object({
      effectiveFrom: z.record(z.enum(TerminationReason), z.enum(['GROUND_DATE', 'REQUESTED_DATE'])),
    }),
    /**
     * The grounds of refusal the region's act lists, each with the paragraph it cites (001 §16 а–г;
     * Murmansk's own, 002 §8–9). A ground not listed here cannot be given.
     */
    refusalGrounds: z.array(z.object({ ground: z.enum(RefusalGround), paragraph: z.string().min(1) })).min(1),
    /**
     * The documents the applicant hands in (001 §3 б–ж; 002 §9), for a person applying themselves
     * and for a representative; the degree (001 §3 в) comes from the recorded assessment.
     */
    documents: z.object({
      paragraph: z.string().min(1),
      PERSON: z.array(z.enum(ApplicationDocumentKind)),
      REPRESENTATIVE: z.array(z.enum(ApplicationDocumentKind)),
    }),
  })
  .superRefine((rules, ctx) => {
    // The bands must cover the whole score range without gaps or overlaps.
    const bands = [...rules.degrees].sort((a, b) => a.minScore - b.minScore);
    let next = rules.score.min;
    for (const band of bands) {
      if (band.minScore !== next)
        ctx.addIssue({
          code: 'custom',
          message: `band ${band.degree} starts at ${band.minScore}, expected ${next}`,
        });
      next = band.maxScore + 1;
    }
    if (next !== rules.score.max + 1)
      ctx.addIssue({ code: 'custom', message: 'bands do not reach the maximum score' });
    const { items, levels } = rules.questionnaire;
    const top = levels.length - 1;
    const most = items.reduce((sum, item) => sum + 1 + top * item.weight, 0);
    if (items.length !== rules.score.min || most !== rules.score.max)
      ctx.addIssue({
        code: 'custom',
        message: `questionnaire spans ${items.length}–${most}, the score ${rules.score.min}–${rules.score.max}`,
      });
    if (new Set(items.map((i) => i.code)).size !== items.length)
      ctx.addIssue({ code: 'custom', message: 'questionnaire item codes repeat' });
    for (const band of bands) {
      const code = rules.serviceTypeByDegree[band.degree];
      if (!rules.serviceTypes.some((t) => t.code === code)) {
        ctx.addIssue({
          code: 'custom',
          message: `degree ${band.degree} maps to unknown service type ${code}`,
        });
      }
    }
  });

export type RuleSetData = z.infer<typeof ruleSetSchema>;
export type Degree = RuleSetData['degrees'][number]['degree'];
export type ServiceType = RuleSetData['serviceTypes'][number];
export type QuestionnaireItem = RuleSetData['questionnaire']['items'][number];
export interface QuestionnaireAnswer {
  item: string;
  level: number;
}
export interface ScoredAnswer extends QuestionnaireAnswer {
  points: number;
}
/** An item's points at a level of help: 1 when the person manages alone, its weight more per level. */
export const itemPoints = (item: Pick<QuestionnaireItem, 'weight'>, level: number) => 1 + level * item.weight;
export type TerminationEffectiveFrom = RuleSetData['termination']['effectiveFrom'][TerminationReason];
