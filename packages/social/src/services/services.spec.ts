import { validate } from 'class-validator';
import { GoalStatus, StaffRole } from './services.enums.js';
import { CreateServicePlanInput, RecordVisitInput } from './services.inputs.js';
import { checkWeekRange, MAX_HOURS_PER_DAY } from './visit.service.js';

describe('services rules', () => {
  it('names the multidisciplinary team of seed 002 §13', () => {
    // social workers, social-work and rehabilitation specialists, psychologists; when needed
    // medical staff, work instructors and other specialists
    expect(Object.values(StaffRole)).toEqual([
      'SOCIAL_WORKER',
      'SOCIAL_WORK_SPECIALIST',
      'REHABILITATION_SPECIALIST',
      'PSYCHOLOGIST',
      'MEDICAL_WORKER',
      'WORK_INSTRUCTOR',
      'OTHER_SPECIALIST',
    ]);
    expect(Object.values(GoalStatus)).toContain('ACHIEVED');
  });

  it('plans more than 0 and at most 24 hours a day (168 a week)', async () => {
    const plan = (hoursPerWeek: number) =>
      Object.assign(new CreateServicePlanInput(), {
        recipientId: '6f1c2b1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f',
        providerId: '6f1c2b1e-2f3a-4b5c-8d9e-0a1b2c3d4e60',
        hoursPerWeek,
      });
    // 001 §9.1 type 4: up to 24 hours a day
    expect(await validate(plan(168))).toEqual([]);
    expect(await validate(plan(4))).toEqual([]);
    expect((await validate(plan(0)))[0]?.property).toBe('hoursPerWeek');
    expect((await validate(plan(168.5)))[0]?.property).toBe('hoursPerWeek');
    expect(MAX_HOURS_PER_DAY).toBe(24);
  });

  it('records a visit of more than 0 and at most 24 hours', async () => {
    const visit = (hoursDelivered: number | null) =>
      Object.assign(new RecordVisitInput(), {
        visitId: '6f1c2b1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f',
        delivered: true,
        hoursDelivered,
      });
    expect(await validate(visit(2.5))).toEqual([]);
    expect(await validate(visit(null))).toEqual([]);
    expect((await validate(visit(0)))[0]?.property).toBe('hoursDelivered');
    expect((await validate(visit(24.25)))[0]?.property).toBe('hoursDelivered');
  });

  it('reports hours for a period of at most 53 weeks that ends after it begins', () => {
    expect(() => checkWeekRange('2026-01-01', '2026-12-31')).not.toThrow();
    expect(() => checkWeekRange('2026-03-10', '2026-03-01')).toThrow(
      expect.objectContaining({ code: 'PERIOD_INVALID' }),
    );
    expect(() => checkWeekRange('2025-01-01', '2026-03-01')).toThrow(
      expect.objectContaining({ code: 'PERIOD_INVALID' }),
    );
  });
});
