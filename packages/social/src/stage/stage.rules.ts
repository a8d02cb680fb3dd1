import { ConflictError, ValidationError } from '@sl/core';
import type { RuleSet } from '../rules/rule-set.js';
import {
  PlannedHoursPer,
  ReadinessOutcome,
  STAGE_ORDER,
  StageKind,
  StageServiceType,
} from './stage.enums.js';

export const STAGE_NAMES: Record<StageKind, string> = {
  [StageKind.PREPARATORY]: 'подготовительный',
  [StageKind.TRAINING]: 'учебный (тренировочный)',
  [StageKind.MAIN]: 'основной',
};

/** Seed 002 §15: the stage that may follow the current one (preparatory when there is none). */
export function nextStageKind(current: StageKind | null): StageKind | null {
  return current ? (STAGE_ORDER[STAGE_ORDER.indexOf(current) + 1] ?? null) : StageKind.PREPARATORY;
}

/** Refuses any stage but the next one, with STAGE_ORDER_VIOLATED. */
export function assertStageOrder(current: StageKind | null, requested: StageKind): void {
  const expected = nextStageKind(current);
  if (requested === expected) return;
  throw new ConflictError(
    'STAGE_ORDER_VIOLATED',
    expected
      ? `Этапы идут только по порядку: следующий этап — ${STAGE_NAMES[expected]}, а не ${STAGE_NAMES[requested]}`
      : 'Основной этап — последний: перейти с него на другой этап нельзя',
    { field: 'kind', expected, current },
  );
}

export interface PastReview {
  period: number;
  outcome: ReadinessOutcome;
  reviewedOn: string;
}

/**
 * Seed 002 §15.2: where a readiness review held on `reviewedOn` goes — its ordinal and its
 * half-year window — or why it may not be held: before six months of training
 * (READINESS_REVIEW_TOO_EARLY), a second one in a window (READINESS_REVIEW_PERIOD_TAKEN), a fifth
 * (READINESS_REVIEWS_EXHAUSTED), or after readiness was already confirmed.
 */
export function readinessReviewSlot(
  rules: RuleSet,
  trainingStartedOn: string,
  previous: readonly PastReview[],
  reviewedOn: string,
): { ordinal: number; period: number } {
  const last = previous.at(-1);
  const { maxReviews, firstReviewAfterMonths } = rules.data.training;
  if (last?.outcome === ReadinessOutcome.READY) {
    throw new ConflictError(
      'READINESS_ALREADY_CONFIRMED',
      `Готовность уже подтверждена ${last.reviewedOn}: следующий шаг — переход на основной этап`,
    );
  }
  if (previous.length >= maxReviews) {
    throw new ConflictError(
      'READINESS_REVIEWS_EXHAUSTED',
      `Оценка готовности проводится не более ${maxReviews} раз; все ${maxReviews} уже проведены. Учебный этап продолжается; дальнейшее решение — за уполномоченным органом`,
      { max: maxReviews },
    );
  }
  const period = rules.readinessReviewPeriod(trainingStartedOn, reviewedOn);
  if (period === 0) {
    const earliest = rules.readinessReviewEarliest(trainingStartedOn, 1);
    throw new ValidationError(
      `Оценка готовности — не ранее чем через ${firstReviewAfterMonths} месяцев после начала учебного этапа, то есть не раньше ${earliest}`,
      'reviewedOn',
      'READINESS_REVIEW_TOO_EARLY',
      { earliest },
    );
  }
  if (last && period <= last.period) {
    const earliest = rules.readinessReviewEarliest(trainingStartedOn, last.period + 1);
    throw new ConflictError(
      'READINESS_REVIEW_PERIOD_TAKEN',
      `В этом полугодии оценка готовности уже проводилась (${last.reviewedOn}); следующая — не раньше ${earliest}`,
      { field: 'reviewedOn', earliest },
    );
  }
  return { ordinal: previous.length + 1, period };
}

/**
 * Seed 002 §15.2–15.3 (001 §9.1 for Kaluga's types): the main stage begins only after a READY
 * review, with a service type (or mode) the region offers and planned hours within its range.
 */
export function mainStageService(
  rules: RuleSet,
  reviews: readonly PastReview[],
  startedOn: string,
  serviceType: StageServiceType | undefined,
  plannedHours: number | undefined,
): { serviceType: StageServiceType; plannedHours: number; plannedHoursPer: PlannedHoursPer } {
  const last = reviews.at(-1);
  if (last?.outcome !== ReadinessOutcome.READY) {
    throw new ConflictError(
      'READINESS_NOT_CONFIRMED',
      'Переход на основной этап возможен только после оценки готовности с результатом «готов»',
      { field: 'kind' },
    );
  }
  if (startedOn < last.reviewedOn) {
    throw new ValidationError(
      `Основной этап не может начаться раньше оценки готовности (${last.reviewedOn})`,
      'startedOn',
      'STAGE_DATE_BEFORE_PREVIOUS',
      { previous: last.reviewedOn },
    );
  }
  if (!serviceType) {
    throw new ValidationError(
      'Для основного этапа укажите тип (режим) обслуживания',
      'serviceType',
      'SERVICE_TYPE_REQUIRED',
    );
  }
  const offered = rules.data.serviceTypes;
  const type = offered.find((t) => t.code === serviceType);
  if (!type) {
    throw new ValidationError(
      `В регионе нет такого типа (режима) обслуживания; возможны: ${offered.map((t) => `${t.code} (${t.name})`).join(', ')}`,
      'serviceType',
      'SERVICE_TYPE_NOT_IN_REGION',
      { allowed: offered.map((t) => t.code) },
    );
  }
  const { min, max, per } = type.hours;
  if (plannedHours === undefined || plannedHours < min || plannedHours > max) {
    throw new ValidationError(
      `Для «${type.name}» плановые часы — от ${min} до ${max} ${per === 'DAY' ? 'в сутки' : 'в неделю'}`,
      'plannedHours',
      'PLANNED_HOURS_OUT_OF_RANGE',
      { min, max, per },
    );
  }
  return { serviceType, plannedHours, plannedHoursPer: PlannedHoursPer[per] };
}

/** What the person's latest assessment recommended (its stored copy of the rule set's answer). */
export interface Recommendation {
  assessedOn: string;
  degree: string;
  code: string;
  name: string;
  hours: { min: number; max: number; per: 'DAY' | 'WEEK' };
}

/**
 * Seed 001 §9–9.1: the volume of services "is determined by the degree" of autonomy loss — the
 * type of periodicity and the hours. So the main stage takes the service type the latest
 * assessment gave for the degree (ASSESSMENT_REQUIRED without one, SERVICE_TYPE_NOT_RECOMMENDED
 * for another type) and hours within that type's range (PLANNED_HOURS_OUT_OF_RANGE). A change of
 * need is a new assessment (001 §15), not a different type typed in at the stage.
 */
export function assertServiceAsRecommended(
  recommended: Recommendation | null,
  serviceType: string,
  plannedHours: number,
): void {
  if (!recommended) {
    throw new ConflictError(
      'ASSESSMENT_REQUIRED',
      'Тип обслуживания основного этапа определяется по степени нарушения автономии: сначала проведите оценку нуждаемости',
      { field: 'serviceType' },
    );
  }
  if (serviceType !== recommended.code) {
    throw new ValidationError(
      `По оценке от ${recommended.assessedOn} (степень ${recommended.degree}) определён тип «${recommended.name}» (${recommended.code}); другой тип — только после повторной оценки`,
      'serviceType',
      'SERVICE_TYPE_NOT_RECOMMENDED',
      { recommended: recommended.code },
    );
  }
  const { min, max, per } = recommended.hours;
  if (plannedHours < min || plannedHours > max) {
    throw new ValidationError(
      `По оценке от ${recommended.assessedOn} плановые часы — от ${min} до ${max} ${per === 'DAY' ? 'в сутки' : 'в неделю'}`,
      'plannedHours',
      'PLANNED_HOURS_OUT_OF_RANGE',
      { min, max, per },
    );
  }
}
