import { ValidationError } from '@sl/core';
import { addBusinessDays, addDays, addMonths, addYears, formatISO, parseISO } from 'date-fns';
import { z } from 'zod';
import { ApplicationDocumentKind, RefusalGround } from '../application/application.enums.js';
import { TerminationReason } from '../termination/termination.enums.js';
import { kalugaRules } from './kaluga.rules.js';
import { murmanskRules } from './murmansk.rules.js';

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
export type TerminationEffectiveFrom = RuleSetData['termination']['effectiveFrom'][TerminationReason];

const REGIONS: Record<string, RuleSetData> = { kaluga: kalugaRules, murmansk: murmanskRules };

const toDate = (isoDate: string) => parseISO(isoDate);
const toIso = (date: Date) => formatISO(date, { representation: 'date' });

export class RuleSet {
  private constructor(readonly data: RuleSetData) {}

  static for(region: string): RuleSet {
    const data = REGIONS[region];
    if (!data)
      throw new Error(`No rule set for region "${region}" (known: ${Object.keys(REGIONS).join(', ')})`);
    return new RuleSet(ruleSetSchema.parse(data));
  }

  /** The degree of autonomy loss and the recommended service for a total score. */
  assess(score: number): { degree: Degree; serviceType: ServiceType } {
    const { min, max } = this.data.score;
    if (!Number.isInteger(score) || score < min || score > max) {
      throw new ValidationError(
        `Итоговый балл оценки должен быть целым числом от ${min} до ${max}`,
        'score',
        'SCORE_OUT_OF_RANGE',
        {
          min,
          max,
        },
      );
    }
    const band = this.data.degrees.find((d) => score >= d.minScore && score <= d.maxScore)!;
    const code = this.data.serviceTypeByDegree[band.degree]!;
    return { degree: band.degree, serviceType: this.data.serviceTypes.find((t) => t.code === code)! };
  }

  decisionDueDate(applicationDate: string): string {
    return toIso(addDays(toDate(applicationDate), this.data.decisionDays));
  }

  reassessmentDueDate(assessedOn: string): string {
    return toIso(addYears(toDate(assessedOn), this.data.reassessmentYears));
  }

  /** Weekends skipped; public holidays are not modelled, so the date errs on the early side. */
  interagencyDueDate(sentOn: string): string {
    return toIso(addBusinessDays(toDate(sentOn), this.data.interagencyResponseWorkingDays));
  }

  /** The earliest date of the n-th readiness review (1-based) of a training stage begun on a date. */
  readinessReviewEarliest(trainingStartedOn: string, n: number): string {
    const t = this.data.training;
    return toIso(
      addMonths(toDate(trainingStartedOn), t.firstReviewAfterMonths + (n - 1) * t.reviewEveryMonths),
    );
  }

  /**
   * Which readiness review a date falls in: the n-th half-year window of training (1-based, n
   * unbounded), or 0 when the date comes before the first window opens.
   */
  readinessReviewPeriod(trainingStartedOn: string, on: string): number {
    // Stepping window by window keeps month-end clamping identical to readinessReviewEarliest.
    let n = 0;
    while (this.readinessReviewEarliest(trainingStartedOn, n + 1) <= on) n += 1;
    return n;
  }

  /** The n-th half-year window of training: first and last day a review may be held in it. */
  readinessReviewWindow(trainingStartedOn: string, n: number): { from: string; to: string } {
    const next = this.readinessReviewEarliest(trainingStartedOn, n + 1);
    return {
      from: this.readinessReviewEarliest(trainingStartedOn, n),
      to: toIso(addDays(toDate(next), -1)),
    };
  }

  /** The paragraph of the region's act a refusal ground cites, or null when the act has no such ground. */
  refusalParagraph(ground: RefusalGround): string | null {
    return this.data.refusalGrounds.find((g) => g.ground === ground)?.paragraph ?? null;
  }

  /** Which date a termination on this ground takes effect from (seed 001 §12, 002 §7). */
  terminationEffectiveFrom(reason: TerminationReason): TerminationEffectiveFrom {
    return this.data.termination.effectiveFrom[reason];
  }
}
