import { AppError } from '@sl/core';
import { kalugaRules } from './kaluga.rules.js';
import { RuleSet, ruleSetSchema } from './rule-set.js';

describe('region rule sets', () => {
  const kaluga = RuleSet.for('kaluga');
  const murmansk = RuleSet.for('murmansk');

  // seed 001 §9: I 23–68, II 69–136, III 137–204, IV 205–272
  it.each([
    [23, 'I'],
    [68, 'I'],
    [69, 'II'],
    [136, 'II'],
    [137, 'III'],
    [150, 'III'],
    [204, 'III'],
    [205, 'IV'],
    [272, 'IV'],
  ])('kaluga: %i points give degree %s', (score, degree) => {
    expect(kaluga.assess(score).degree).toBe(degree);
  });

  // seed 001 §9.1: type 3 — regular, 4 to 8 hours a day
  it('kaluga: 150 points give service type 3, 4–8 hours a day', () => {
    expect(kaluga.assess(150).serviceType).toEqual({
      code: 'TYPE_3',
      name: 'регулярное',
      hours: { min: 4, max: 8, per: 'DAY' },
    });
    expect(kaluga.assess(30).serviceType.hours).toEqual({ min: 4, max: 12, per: 'WEEK' });
    expect(kaluga.assess(100).serviceType.hours).toEqual({ min: 12, max: 28, per: 'WEEK' });
    expect(kaluga.assess(250).serviceType.hours).toEqual({ min: 8, max: 24, per: 'DAY' });
  });

  // seed 002 §15.3: only regular (4–8 h/day) and periodic (4–12 h/week) modes
  it('murmansk: two modes only', () => {
    expect(murmansk.assess(150).serviceType).toMatchObject({
      code: 'REGULAR',
      hours: { min: 4, max: 8, per: 'DAY' },
    });
    expect(murmansk.assess(100).serviceType).toMatchObject({
      code: 'PERIODIC',
      hours: { min: 4, max: 12, per: 'WEEK' },
    });
    expect(murmansk.data.serviceTypes.map((t) => t.code)).toEqual(['PERIODIC', 'REGULAR']);
  });

  // seed 001 §9: the score is 23–272; anything else is refused
  it.each([22, 273, 0, -5, 150.5, Number.NaN])('refuses a score of %p with SCORE_OUT_OF_RANGE', (score) => {
    try {
      kaluga.assess(score);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('SCORE_OUT_OF_RANGE');
      expect((error as AppError).details.field).toBe('score');
    }
  });

  // seed 001 §14: decision within 10 calendar days; §15: re-assessment at least every 3 years
  it('computes the decision and re-assessment due dates in calendar days and years', () => {
    expect(kaluga.decisionDueDate('2026-12-25')).toBe('2027-01-04');
    expect(kaluga.reassessmentDueDate('2024-02-29')).toBe('2027-02-28');
  });

  // seed 001 §4 with 210-ФЗ art. 7.2: an interagency answer is due in 5 working days
  it('gives an interagency request 5 working days, weekends skipped', () => {
    expect(kaluga.interagencyDueDate('2026-03-02')).toBe('2026-03-09'); // Monday → next Monday
    expect(kaluga.interagencyDueDate('2026-03-06')).toBe('2026-03-13'); // Friday → next Friday
  });

  // seed 002 §15.2: readiness review no earlier than 6 months after training began, then every six months
  it('schedules readiness reviews every six months from the start of training', () => {
    expect(murmansk.readinessReviewEarliest('2026-01-31', 1)).toBe('2026-07-31');
    expect(murmansk.readinessReviewEarliest('2026-01-31', 4)).toBe('2028-01-31');
    expect(murmansk.data.training.maxReviews).toBe(4);
  });

  it('refuses rule data whose bands leave a gap or point to an unknown type', () => {
    const gap = {
      ...kalugaRules,
      degrees: kalugaRules.degrees.map((d) => (d.degree === 'II' ? { ...d, minScore: 70 } : d)),
    };
    expect(ruleSetSchema.safeParse(gap).success).toBe(false);
    const unknown = {
      ...kalugaRules,
      serviceTypeByDegree: { ...kalugaRules.serviceTypeByDegree, IV: 'TYPE_9' },
    };
    expect(ruleSetSchema.safeParse(unknown).success).toBe(false);
    expect(() => RuleSet.for('atlantis')).toThrow(/atlantis/);
  });
});
