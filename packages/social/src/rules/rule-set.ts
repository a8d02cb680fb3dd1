import { ValidationError } from '@sl/core';
import { addBusinessDays, addDays, addMonths, addYears, formatISO, parseISO } from 'date-fns';
import { RefusalGround } from '../application/application.enums.js';
import { TerminationReason } from '../termination/termination.enums.js';
import { kalugaRules } from './kaluga.rules.js';
import { murmanskRules } from './murmansk.rules.js';
import {
  type Degree,
  itemPoints,
  type QuestionnaireAnswer,
  type RuleSetData,
  ruleSetSchema,
  type ScoredAnswer,
  type ServiceType,
  type TerminationEffectiveFrom,
} from './rule-set.schema.js';

// The schema and its types live in rule-set.schema.ts so the region files can name them without a loop.
export {
  type Degree,
  itemPoints,
  type QuestionnaireAnswer,
  type QuestionnaireItem,
  type RuleSetData,
  ruleSetSchema,
  type ScoredAnswer,
  type ServiceType,
  type TerminationEffectiveFrom,
} from './rule-set.schema.js';

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
