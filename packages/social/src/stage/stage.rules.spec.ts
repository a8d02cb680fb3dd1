import { AppError } from '@sl/core';
import { RuleSet } from '../rules/rule-set.js';
import { ReadinessOutcome, StageKind, StageServiceType } from './stage.enums.js';
import {
  assertServiceAsRecommended,
  assertStageOrder,
  mainStageService,
  nextStageKind,
  type PastReview,
  readinessReviewSlot,
} from './stage.rules.js';

const kaluga = RuleSet.for('kaluga');
const murmansk = RuleSet.for('murmansk');

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

const notReady = (period: number, reviewedOn: string): PastReview => ({
  period,
  reviewedOn,
  outcome: ReadinessOutcome.NOT_READY,
});

describe('stage order', () => {
  // seed 002 §15: first preparatory, second training, third main — only in that order
  it('allows only preparatory → training → main', () => {
    expect(nextStageKind(null)).toBe(StageKind.PREPARATORY);
    expect(nextStageKind(StageKind.PREPARATORY)).toBe(StageKind.TRAINING);
    expect(nextStageKind(StageKind.TRAINING)).toBe(StageKind.MAIN);
    expect(nextStageKind(StageKind.MAIN)).toBeNull();
    expect(() => assertStageOrder(StageKind.PREPARATORY, StageKind.TRAINING)).not.toThrow();
  });

  it.each([
    [null, StageKind.TRAINING],
    [null, StageKind.MAIN],
    [StageKind.PREPARATORY, StageKind.MAIN],
    [StageKind.TRAINING, StageKind.PREPARATORY],
    [StageKind.MAIN, StageKind.MAIN],
    [StageKind.MAIN, StageKind.PREPARATORY],
  ])('refuses %s → %s with STAGE_ORDER_VIOLATED', (current, requested) => {
    expect(codeOf(() => assertStageOrder(current, requested))).toBe('STAGE_ORDER_VIOLATED');
  });
});

describe('readiness reviews in the training stage', () => {
  const start = '2026-01-15';

  // seed 002 §15.2: no earlier than 6 months after training began
  it('refuses a review before six months of training with READINESS_REVIEW_TOO_EARLY', () => {
    expect(codeOf(() => readinessReviewSlot(murmansk, start, [], '2026-07-14'))).toBe(
      'READINESS_REVIEW_TOO_EARLY',
    );
    expect(codeOf(() => readinessReviewSlot(kaluga, start, [], '2026-01-15'))).toBe(
      'READINESS_REVIEW_TOO_EARLY',
    );
    expect(readinessReviewSlot(murmansk, start, [], '2026-07-15')).toEqual({ ordinal: 1, period: 1 });
  });

  // seed 002 §15.2: up to 4 times, every half-year — one review per half-year window
  it('places reviews in half-year windows and refuses a second in the same window', () => {
    expect(murmansk.readinessReviewPeriod(start, '2027-01-14')).toBe(1);
    expect(murmansk.readinessReviewPeriod(start, '2027-01-15')).toBe(2);
    expect(murmansk.readinessReviewWindow(start, 2)).toEqual({ from: '2027-01-15', to: '2027-07-14' });
    const first = [notReady(1, '2026-08-01')];
    expect(codeOf(() => readinessReviewSlot(murmansk, start, first, '2027-01-14'))).toBe(
      'READINESS_REVIEW_PERIOD_TAKEN',
    );
    expect(readinessReviewSlot(murmansk, start, first, '2027-01-15')).toEqual({ ordinal: 2, period: 2 });
    // A missed window does not make the next review a double: it is the 2nd review, in window 3.
    expect(readinessReviewSlot(murmansk, start, first, '2027-08-01')).toEqual({ ordinal: 2, period: 3 });
  });

  // Month arithmetic clamps to the month's end, the same way in every window.
  it('computes windows from a month-end start without drifting', () => {
    expect(kaluga.readinessReviewPeriod('2025-08-31', '2026-02-27')).toBe(0);
    expect(kaluga.readinessReviewPeriod('2025-08-31', '2026-02-28')).toBe(1);
    expect(kaluga.readinessReviewWindow('2025-08-31', 1)).toEqual({ from: '2026-02-28', to: '2026-08-30' });
  });

  // seed 002 §15.2: at most 4 reviews
  it('refuses a fifth review with READINESS_REVIEWS_EXHAUSTED', () => {
    const four = [
      notReady(1, '2026-07-20'),
      notReady(2, '2027-01-20'),
      notReady(3, '2027-07-20'),
      notReady(4, '2028-01-20'),
    ];
    expect(murmansk.data.training.maxReviews).toBe(4);
    expect(codeOf(() => readinessReviewSlot(murmansk, start, four, '2028-07-20'))).toBe(
      'READINESS_REVIEWS_EXHAUSTED',
    );
    expect(readinessReviewSlot(murmansk, start, four.slice(0, 3), '2028-01-20')).toEqual({
      ordinal: 4,
      period: 4,
    });
  });

  it('refuses a review once readiness is confirmed: the next step is the main stage', () => {
    const ready: PastReview[] = [{ period: 1, reviewedOn: '2026-07-20', outcome: ReadinessOutcome.READY }];
    expect(codeOf(() => readinessReviewSlot(murmansk, start, ready, '2027-02-01'))).toBe(
      'READINESS_ALREADY_CONFIRMED',
    );
  });
});

describe('the main stage', () => {
  const ready: PastReview[] = [
    notReady(1, '2026-07-20'),
    { period: 2, reviewedOn: '2027-01-20', outcome: ReadinessOutcome.READY },
  ];

  // seed 002 §15.2: the training stage continues while the person is not ready
  it('needs the latest review to be READY', () => {
    expect(codeOf(() => mainStageService(murmansk, [], '2027-02-01', StageServiceType.REGULAR, 6))).toBe(
      'READINESS_NOT_CONFIRMED',
    );
    expect(
      codeOf(() => mainStageService(murmansk, ready.slice(0, 1), '2027-02-01', StageServiceType.REGULAR, 6)),
    ).toBe('READINESS_NOT_CONFIRMED');
    expect(codeOf(() => mainStageService(murmansk, ready, '2027-01-19', StageServiceType.REGULAR, 6))).toBe(
      'STAGE_DATE_BEFORE_PREVIOUS',
    );
  });

  // seed 002 §15.3: regular 4–8 hours a day, periodic 4–12 hours a week
  it('murmansk: regular or periodic mode with hours in its range', () => {
    expect(mainStageService(murmansk, ready, '2027-02-01', StageServiceType.REGULAR, 8)).toEqual({
      serviceType: 'REGULAR',
      plannedHours: 8,
      plannedHoursPer: 'DAY',
    });
    expect(
      mainStageService(murmansk, ready, '2027-02-01', StageServiceType.PERIODIC, 12).plannedHoursPer,
    ).toBe('WEEK');
    expect(codeOf(() => mainStageService(murmansk, ready, '2027-02-01', StageServiceType.REGULAR, 9))).toBe(
      'PLANNED_HOURS_OUT_OF_RANGE',
    );
    expect(codeOf(() => mainStageService(murmansk, ready, '2027-02-01', StageServiceType.PERIODIC, 3))).toBe(
      'PLANNED_HOURS_OUT_OF_RANGE',
    );
    expect(codeOf(() => mainStageService(murmansk, ready, '2027-02-01', StageServiceType.TYPE_3, 6))).toBe(
      'SERVICE_TYPE_NOT_IN_REGION',
    );
    expect(codeOf(() => mainStageService(murmansk, ready, '2027-02-01', undefined, 6))).toBe(
      'SERVICE_TYPE_REQUIRED',
    );
  });

  // seed 001 §9.1: type 2 12–28 h/week, type 4 8–24 h/day; Murmansk's modes are not Kaluga's
  it('kaluga: types 1–4 with their hours', () => {
    expect(mainStageService(kaluga, ready, '2027-02-01', StageServiceType.TYPE_2, 28).plannedHoursPer).toBe(
      'WEEK',
    );
    expect(mainStageService(kaluga, ready, '2027-02-01', StageServiceType.TYPE_4, 24).plannedHoursPer).toBe(
      'DAY',
    );
    expect(codeOf(() => mainStageService(kaluga, ready, '2027-02-01', StageServiceType.TYPE_2, 11))).toBe(
      'PLANNED_HOURS_OUT_OF_RANGE',
    );
    expect(codeOf(() => mainStageService(kaluga, ready, '2027-02-01', StageServiceType.REGULAR, 6))).toBe(
      'SERVICE_TYPE_NOT_IN_REGION',
    );
  });
});

describe('the main stage follows the latest assessment', () => {
  const type3 = {
    assessedOn: '2026-03-04',
    degree: 'III',
    code: 'TYPE_3',
    name: 'регулярное',
    hours: { min: 4, max: 8, per: 'DAY' as const },
  };

  // seed 001 §9.1: the degree determines the type of periodicity and its hours
  it('takes the type the assessment gave, with hours in its range', () => {
    expect(() => assertServiceAsRecommended(type3, 'TYPE_3', 4)).not.toThrow();
    expect(() => assertServiceAsRecommended(type3, 'TYPE_3', 8)).not.toThrow();
    expect(codeOf(() => assertServiceAsRecommended(type3, 'TYPE_2', 20))).toBe(
      'SERVICE_TYPE_NOT_RECOMMENDED',
    );
    expect(codeOf(() => assertServiceAsRecommended(type3, 'TYPE_4', 8))).toBe('SERVICE_TYPE_NOT_RECOMMENDED');
    expect(codeOf(() => assertServiceAsRecommended(type3, 'TYPE_3', 9))).toBe('PLANNED_HOURS_OUT_OF_RANGE');
    expect(codeOf(() => assertServiceAsRecommended(type3, 'TYPE_3', 3))).toBe('PLANNED_HOURS_OUT_OF_RANGE');
  });

  // seed 001 §9: the volume of services rests on an assessment of the degree
  it('needs an assessment', () => {
    expect(codeOf(() => assertServiceAsRecommended(null, 'TYPE_3', 6))).toBe('ASSESSMENT_REQUIRED');
  });
});
