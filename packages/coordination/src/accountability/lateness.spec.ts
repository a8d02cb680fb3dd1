import { completionDate, daysLate } from './lateness.js';

describe('lateness', () => {
  it('counts the days past due of a completion, or of today while open, never below zero', () => {
    expect(daysLate('2020-12-31', '2025-12-31', '2026-01-10')).toBe(1826);
    expect(daysLate('2025-12-31', '2025-12-01', '2026-01-10')).toBe(0);
    expect(daysLate('2025-12-31', null, '2026-01-10')).toBe(10);
    expect(daysLate('2026-02-01', null, '2026-01-10')).toBe(0);
  });

  it('takes a completion date up to today and refuses one in the future or before its start', () => {
    expect(completionDate(undefined, '2026-01-10', 'doneOn')).toBe('2026-01-10');
    expect(completionDate('2025-11-03', '2026-01-10', 'doneOn')).toBe('2025-11-03');
    expect(() => completionDate('2026-01-11', '2026-01-10', 'doneOn')).toThrow(
      expect.objectContaining({ code: 'COMPLETION_DATE_IN_FUTURE', details: { field: 'doneOn' } }),
    );
    expect(() =>
      completionDate('2024-01-01', '2026-01-10', 'doneOn', {
        date: '2025-02-14',
        message: 'раньше заседания',
      }),
    ).toThrow(expect.objectContaining({ code: 'COMPLETION_DATE_TOO_EARLY' }));
  });
});
