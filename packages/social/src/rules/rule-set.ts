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

  /**
   * The total of a questionnaire answered in full: every item once, each at one of its levels. The
   * total is never taken from the client; the answers are what a disputed score is reviewed on.
   */
  scoreQuestionnaire(answers: readonly QuestionnaireAnswer[]): { score: number; answers: ScoredAnswer[] } {
    const { items, levels } = this.data.questionnaire;
    const byCode = new Map(answers.map((a) => [a.item, a]));
    const unknown = answers.filter((a) => !items.some((i) => i.code === a.item)).map((a) => a.item);
    if (unknown.length > 0)
      throw new ValidationError(
        `В анкете нет таких вопросов: ${unknown.join(', ')}`,
        'answers',
        'QUESTIONNAIRE_ITEM_UNKNOWN',
        { items: unknown },
      );
    if (byCode.size !== answers.length)
      throw new ValidationError(
        'На каждый вопрос анкеты — один ответ: ответы повторяются',
        'answers',
        'QUESTIONNAIRE_ITEM_REPEATED',
      );
    const missing = items.filter((i) => !byCode.has(i.code));
    if (missing.length > 0)
      throw new ValidationError(
        `Анкета заполнена не полностью: нет ответа на ${missing.length} вопр. (${missing.map((i) => `«${i.text}»`).join(', ')})`,
        'answers',
        'QUESTIONNAIRE_INCOMPLETE',
        { items: missing.map((i) => i.code) },
      );
    const badLevel = answers.find(
      (a) => !Number.isInteger(a.level) || a.level < 0 || a.level >= levels.length,
    );
    if (badLevel)
      throw new ValidationError(
        `Ответ на вопрос ${badLevel.item}: уровень помощи от 0 до ${levels.length - 1}`,
        'answers',
        'QUESTIONNAIRE_LEVEL_INVALID',
        { item: badLevel.item },
      );
    const scored = items.map((item) => {
      const { level } = byCode.get(item.code)!;
      return { item: item.code, level, points: itemPoints(item, level) };
    });
    return { score: scored.reduce((sum, a) => sum + a.points, 0), answers: scored };
  }

  /**
   * Answers that total a given score (demo data, fixtures): the heaviest items take the most help
   * first, the light ones make up the rest, so the same score always gives the same answers.
   */
  answersTotalling(score: number): QuestionnaireAnswer[] {
    this.assess(score);
    const { items, levels } = this.data.questionnaire;
    const top = levels.length - 1;
    const heaviestFirst = [...items].sort((a, b) => b.weight - a.weight);
    const level = new Map(items.map((i) => [i.code, 0]));
    const search = (index: number, rest: number): boolean => {
      if (rest === 0) return true;
      if (index === items.length) return false;
      const item = heaviestFirst[index]!;
      for (let l = Math.min(top, Math.floor(rest / item.weight)); l >= 0; l -= 1) {
        level.set(item.code, l);
        if (search(index + 1, rest - l * item.weight)) return true;
      }
      level.set(item.code, 0);
      return false;
    };
    if (!search(0, score - items.length)) throw new Error(`No questionnaire answers total ${score}`);
    return items.map((i) => ({ item: i.code, level: level.get(i.code)! }));
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
