import { extractTargets } from '../roadmap/targets.js';
import { indicatorOf } from './indicator-targets.js';
import { MAX_SERIES_MONTHS, monthEnds, scopeOf } from './indicators.service.js';

describe('indicator series and scopes', () => {
  it('ends each month on its last day, the last one on the period’s end', () => {
    expect(monthEnds('2024-01-15', '2024-03-10')).toEqual(['2024-01-31', '2024-02-29', '2024-03-10']);
    expect(monthEnds('2025-12-01', '2026-01-31')).toEqual(['2025-12-31', '2026-01-31']);
    expect(monthEnds('2025-06-30', '2025-06-30')).toEqual(['2025-06-30']);
  });

  it('refuses a period that runs backwards or is too long', () => {
    expect(() => monthEnds('2025-02-01', '2025-01-01')).toThrow(
      expect.objectContaining({ code: 'PERIOD_INVALID' }),
    );
    expect(monthEnds('2020-01-01', '2024-12-31')).toHaveLength(MAX_SERIES_MONTHS);
    expect(() => monthEnds('2020-01-01', '2025-01-31')).toThrow(
      expect.objectContaining({ code: 'PERIOD_TOO_LONG' }),
    );
  });

  it('keys the region and municipalities apart', () => {
    expect(scopeOf(undefined)).toBe('region');
    expect(scopeOf(' г. Калуга ')).toBe('г. Калуга');
    expect(() => scopeOf('region')).toThrow(expect.objectContaining({ code: 'MUNICIPALITY_INVALID' }));
  });

  it('maps seed 000 item 12’s 12 places to the training-flat places, and nothing else to it', () => {
    // seed 000 item 12: "Организация 12 мест для проведения учебно-тренировочных мероприятий"
    const result =
      'Организация 12 мест для проведения учебно-тренировочных мероприятий для подготовки инвалидов к сопровождаемому проживанию';
    const [target] = extractTargets(result);
    expect(target).toMatchObject({ value: 12 });
    expect(indicatorOf(`Организация учебно-тренировочного отделения ${result}`, target!)).toBe(
      'trainingFlatPlaces',
    );
    expect(indicatorOf('Обучение 300 детей', { unit: 'детей' })).toBeNull();
  });
});
