import { readFileSync } from 'node:fs';
import { expandDeadline } from './deadline.js';
import { splitFootnotes } from './footnotes.js';
import { parseRoadmap } from './roadmap-parser.js';
import { readText } from './table-readers.js';
import { extractTargets } from './targets.js';

const seed = (name: string) =>
  parseRoadmap(readText(readFileSync(new URL(`../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8')));
const item = (roadmap: ReturnType<typeof seed>, key: string) => {
  const found = roadmap.items.find((i) => i.key === key);
  if (!found) throw new Error(`no item ${key}`);
  return found;
};

describe('roadmap parser', () => {
  it('keeps the unit of every target, also when the counted noun comes before the number', () => {
    const astrakhan = seed('astrakhan-004');
    // seed 004 item 4.3.4: «Количество проведенных семинаров, круглых столов, мастер-площадок не
    // менее 20» and, on the next line, «Количество вебинаров не менее 12»
    expect(item(astrakhan, '4.3.4').targets.map((t) => [t.index, t.value, t.unit, t.comparator])).toEqual([
      [0, 20, 'семинаров, круглых столов, мастер-площадок', 'AT_LEAST'],
      [1, 12, 'вебинаров', 'AT_LEAST'],
    ]);
    const all = ['kaliningrad-000', 'novosibirsk-003', 'astrakhan-004'].flatMap((n) => seed(n).items);
    const targets = all.flatMap((i) => i.targets.map((t) => ({ key: i.key, ...t })));
    expect(targets.length).toBeGreaterThanOrEqual(10);
    expect(targets.filter((t) => !t.unit)).toEqual([]);
  });

  it('does not take a unit across lines or sentences', () => {
    expect(
      extractTargets('Количество мероприятий увеличено. Охват не менее 5\nне менее 7 человек').map((t) => [
        t.index,
        t.value,
        t.unit,
      ]),
    ).toEqual([
      [0, 5, null],
      [1, 7, 'человек'],
    ]);
  });

  it('separates a footnote from the item’s text (seed 004 item 4.4.1)', () => {
    const footnoted = item(seed('astrakhan-004'), '4.4.1');
    expect(footnoted.measure).toBe(
      'Организация сопровождаемого проживания инвалидов, включая организацию дневной занятости и трудовой деятельности, социализацию инвалидов с ментальными нарушениями и психическими расстройствами',
    );
    expect(footnoted.footnotes).toEqual([
      expect.stringMatching(
        /^Приказ Минтруда России от 14 декабря 2017 г\. № 847 «Об утверждении методических рекомендаций .*в отдельных жилых помещениях»$/,
      ),
    ]);
    expect(item(seed('astrakhan-004'), '4.4.2').footnotes).toEqual([]);
    expect(splitFootnotes('Текст[footnoteRef:2] [2: Примечание]')).toEqual({
      text: 'Текст  ',
      footnotes: ['Примечание'],
    });
  });

  it('gives a yearly duty within a span one period per year (seed 003 item 3.3 «Ежегодное»)', () => {
    const novosibirsk = seed('novosibirsk-003');
    const report = item(novosibirsk, '3.3');
    expect(report.deadline.terms).toEqual([
      expect.objectContaining({ kind: 'ANNUAL', firstYear: 2021, lastYear: 2024, dueDay: '12-31' }),
    ]);
    expect(
      expandDeadline(report.deadline, { firstYear: 2021, lastYear: 2024 }).map((p) => p.dueDate),
    ).toEqual(['2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31']);
    // the other items of the same span stay one period each
    expect(item(novosibirsk, '3.2').deadline.terms).toEqual([
      expect.objectContaining({ kind: 'RANGE', start: '2021-01-01', date: '2024-12-31' }),
    ]);
  });

  it('reads a two-row header whose first row merges «Срок реализации» over two columns (seed 003)', () => {
    const header1 = [
      '№ п/п',
      'Наименование мероприятия',
      'Ожидаемый результат',
      'Срок реализации',
      '',
      'Ответственный исполнитель',
    ];
    const header2 = [
      '№ п/п',
      'Наименование мероприятия',
      'Ожидаемый результат',
      'начало реализации',
      'окончания реализации',
      'Ответственный исполнитель',
    ];
    const parsed = parseRoadmap({
      preamble: ['План мероприятий («дорожная карта») на 2021-2024 годы'],
      trailer: [],
      rows: [
        { line: 1, cells: header1 },
        { line: 2, cells: header2 },
        { line: 3, cells: ['1. Анализ ситуации', '', '', '', '', ''] },
        {
          line: 4,
          cells: ['1.1.', 'Мониторинг', 'Определены направления', '01.01.2021', '31.12.2024', 'Минздрав НСО'],
        },
      ],
    });
    expect(parsed.sections.map((s) => [s.key, s.title])).toEqual([['1', 'Анализ ситуации']]);
    expect(parsed.items).toEqual([
      expect.objectContaining({
        key: '1.1',
        sectionKey: '1',
        expectedResult: 'Определены направления',
        executorsText: 'Минздрав НСО',
        deadline: expect.objectContaining({
          terms: [expect.objectContaining({ kind: 'RANGE', start: '2021-01-01', date: '2024-12-31' })],
        }),
      }),
    ]);
  });
});
