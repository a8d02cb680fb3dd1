import {
  daysBetween,
  formatSnils,
  regionInstant,
  regionLocal,
  regionToday,
  shiftDays,
} from '../../packages/dashboard/src/case/format.js';

describe('the case workspace formats', () => {
  it('writes СНИЛС as XXX-XXX-XXX YY and leaves anything else as it is', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(formatSnils('112-233-445 95')).toBe('112-233-445 95');
    expect(formatSnils('123')).toBe('123');
    expect(formatSnils(null)).toBe('');
  });

  it('reads a time typed in the region (Moscow, UTC+3) as the instant the graph takes', () => {
    expect(regionInstant('2026-03-10T10:00')).toBe('2026-03-10T07:00:00.000Z');
    // Just after midnight in Moscow is the previous day in UTC.
    expect(regionInstant('2026-03-10T00:30')).toBe('2026-03-09T21:30:00.000Z');
    expect(regionInstant('2026-03-10 10:00')).toBeNull();
    expect(regionInstant('')).toBeNull();
  });

  it('follows a zone with daylight saving time on both sides of the change', () => {
    expect(regionInstant('2026-03-28T12:00', 'Europe/Berlin')).toBe('2026-03-28T11:00:00.000Z');
    expect(regionInstant('2026-03-30T12:00', 'Europe/Berlin')).toBe('2026-03-30T10:00:00.000Z');
  });

  it('shows an instant back as the region’s wall-clock time, and its calendar day', () => {
    expect(regionLocal('2026-03-09T21:30:00.000Z')).toBe('2026-03-10T00:30');
    expect(regionToday(new Date('2026-03-09T21:30:00Z'))).toBe('2026-03-10');
    expect(regionToday(new Date('2026-03-09T20:59:00Z'))).toBe('2026-03-09');
  });

  it('counts and shifts calendar days', () => {
    expect(daysBetween('2026-02-27', '2026-03-09')).toBe(10);
    expect(shiftDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});
