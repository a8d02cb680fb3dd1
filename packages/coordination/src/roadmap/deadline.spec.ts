import 'reflect-metadata';
import { DeadlineKind, expandDeadline, parseDeadline } from './deadline.js';
import { Comparator, extractTargets } from './targets.js';

const window = { firstYear: 2024, lastYear: 2026 };
const dues = (text: string, w: { firstYear: number | null; lastYear: number | null } = window) =>
  expandDeadline(parseDeadline(text), w).map((p) => p.dueDate);

describe('deadlines as the seeds write them', () => {
  it('reads a date, a range and months in both orders', () => {
    expect(parseDeadline('31 декабря 2024 года').terms).toEqual([
      { kind: DeadlineKind.DATE, date: '2024-12-31', year: 2024 },
    ]);
    expect(parseDeadline('01.01.2021 – 31.12.2024').terms).toEqual([
      { kind: DeadlineKind.RANGE, start: '2021-01-01', date: '2024-12-31', year: 2024 },
    ]);
    // seed 004: «2021 ноябрь 2022 ноябрь» and «ноябрь 2021 ноябрь 2022»
    expect(dues('2021\nноябрь\n\n2022\nноябрь')).toEqual(['2021-11-30', '2022-11-30']);
    expect(dues('ноябрь\n2021\nноябрь\n2022')).toEqual(['2021-11-30', '2022-11-30']);
    expect(dues('2024\nфевраль')).toEqual(['2024-02-29']);
  });

  it('expands «ежегодно» over the roadmap period and the seed 000 variants', () => {
    expect(dues('Ежегодно')).toEqual(['2024-12-31', '2025-12-31', '2026-12-31']);
    // seed 000 item 16
    expect(dues('Ежегодно с 01 марта 2026 года')).toEqual(['2026-03-01']);
    // seed 000 item 10
    expect(dues('31 декабря 2024 года, далее – ежегодно')).toEqual([
      '2024-12-31',
      '2025-12-31',
      '2026-12-31',
    ]);
    // seed 000 item 18: by 1 October of the year after the reporting year
    expect(dues('В период 2024 – 2025 годов ежегодно к 01 октября года, следующего за отчетным')).toEqual([
      '2025-10-01',
      '2026-10-01',
    ]);
    // an open-ended annual term stops at the horizon
    expect(dues('Ежегодно с 01 марта 2026 года', { firstYear: null, lastYear: null })).toHaveLength(1);
    expect(parseDeadline('по мере необходимости').terms).toEqual([]);
  });
});

describe('targets in the expected result', () => {
  it('reads number, unit and comparator, and skips years, ages and document numbers', () => {
    // seed 004 item 1.1.1, seed 000 item 12, seed 004 item 4.1.6
    expect(extractTargets('Высокая информированность населения (охват не менее 80%)')).toEqual([
      expect.objectContaining({ value: 80, unit: '%', comparator: Comparator.AT_LEAST }),
    ]);
    expect(extractTargets('Организация 12 мест для проведения мероприятий')).toEqual([
      expect.objectContaining({ value: 12, unit: 'мест', comparator: Comparator.EXACTLY }),
    ]);
    expect(extractTargets('Планируемый охват 300 детей целевой группы')[0]).toMatchObject({
      value: 300,
      unit: 'детей',
    });
    expect(extractTargets('Издано не менее 3 методических пособий (по 200 экз.)')).toEqual([
      expect.objectContaining({ value: 3, unit: 'методических пособий', comparator: Comparator.AT_LEAST }),
    ]);
    expect(
      extractTargets('к концу 2024 года инвалидам старше 18 лет по постановлению № 670 от 07.10.2019'),
    ).toEqual([]);
  });
});
