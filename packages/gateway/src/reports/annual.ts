import {
  agenciesOf,
  evidenceText,
  MEASURE_STATES,
  type MeasureState,
  measureState,
  measureStateText,
  periodsText,
  ROLE_LABELS,
  reportsOf,
  reportText,
} from './accounts.js';
import type { Cell, ReportDocument, ReportSection } from './document.js';
import { figureRows, housingLabel } from './figures.js';
import { ruDate } from './labels.js';
import { municipalitySection } from './municipalities.js';
import { executorName, type MeasureAccount, type RoadmapRef } from './queries.js';
import { regionName } from './regions.js';
import type { ReportData, ReportShape } from './report-data.js';

export interface RoadmapAccount extends RoadmapRef {
  items: MeasureAccount[];
}

export interface AnnualInput {
  data: ReportData;
  shape: ReportShape;
  region: string;
  year: number;
  /** The day the report is made. */
  today: string;
  roadmaps: RoadmapAccount[];
}

const STATE_ORDER: MeasureState[] = ['DONE', 'IN_PROGRESS', 'NOT_STARTED', 'LATE', 'NO_DEADLINE'];

function stateCounts(items: MeasureAccount[]): number[] {
  return STATE_ORDER.map((s) => items.filter((i) => measureState(i) === s).length);
}

/**
 * The annual report to Минтруд России (seed 000 items 7, 10, 15–18: «Доклад в Минтруд России»):
 * for the reporting year, every measure of the region's roadmaps — counted as measures, not as
 * periods — with its executors, its periods, the reports filed and their evidence; the same per
 * executing agency (responsible and co-executing alike); then the live figures against targets.
 */
export function annualReport(input: AnnualInput): ReportDocument {
  const { data, shape, region, year } = input;
  const asOf = data.indicators.asOf;
  const roadmaps = input.roadmaps.map((r) => ({ ...r, items: r.items.filter((i) => !i.withdrawn) }));
  const measures = roadmaps.flatMap((r) => r.items.map((item) => ({ roadmap: r, item })));
  const [done, inProgress, notStarted, late, noDeadline] = stateCounts(measures.map((m) => m.item));

  const agencies = new Map<string, { roadmap: RoadmapAccount; item: MeasureAccount; role: string }[]>();
  for (const m of measures)
    for (const a of agenciesOf(m.item.executors)) {
      const list = agencies.get(a.name) ?? [];
      list.push({ ...m, role: ROLE_LABELS[a.role] });
      agencies.set(a.name, list);
    }
  const agencyNames = [...agencies.keys()].sort((a, b) => a.localeCompare(b, 'ru'));

  const measureRow = (roadmap: RoadmapAccount, item: MeasureAccount): Cell[] => {
    const reports = reportsOf(item, year, asOf);
    return [
      roadmap.title,
      item.number ?? item.key,
      item.measure,
      item.executors
        .filter((e) => e.role === 'RESPONSIBLE')
        .map(executorName)
        .join('; ') || '—',
      item.executors
        .filter((e) => e.role === 'CO_EXECUTOR')
        .map(executorName)
        .join('; ') || '—',
      item.deadlineText ?? '—',
      periodsText(item, year),
      measureStateText(item),
      reports.map(reportText).join('\n') || 'Отчётов за период нет',
      evidenceText(reports),
    ];
  };

  const sections: ReportSection[] = [
    {
      heading: 'Сводные сведения об исполнении мероприятий',
      sheet: 'Сводка',
      paragraphs: [
        `Мероприятий дорожных карт: ${measures.length}.`,
        `Из них: выполнено — ${done}, в работе — ${inProgress}, не начато — ${notStarted}, просрочено — ${late}, без срока — ${noDeadline}.`,
      ],
      table: {
        header: ['Дорожная карта', 'Мероприятий', ...STATE_ORDER.map((s) => MEASURE_STATES[s])],
        rows: roadmaps.map((r) => [r.title, r.items.length, ...stateCounts(r.items)]),
        widths: [6, 2, 2, 2, 2, 2, 2],
      },
    },
    {
      heading: 'Исполнение мероприятий по ведомствам (ответственные исполнители и соисполнители)',
      sheet: 'По ведомствам',
      table: {
        header: ['Ведомство', 'Мероприятий', ...STATE_ORDER.map((s) => MEASURE_STATES[s])],
        rows: agencyNames.map((name) => {
          const items = agencies.get(name)!.map((m) => m.item);
          return [name, items.length, ...stateCounts(items)];
        }),
        widths: [6, 2, 2, 2, 2, 2, 2],
      },
    },
    {
      heading: `Исполнение мероприятий за ${year} год (по каждому мероприятию)`,
      sheet: 'Мероприятия',
      table: {
        header: [
          'Дорожная карта',
          '№',
          'Мероприятие',
          'Ответственный исполнитель',
          'Соисполнители',
          'Срок по документу',
          `Сроки ${year} года`,
          'Состояние',
          'Отчёты об исполнении',
          'Подтверждающие документы',
        ],
        rows: measures.map((m) => measureRow(m.roadmap, m.item)),
        widths: [3, 1, 5, 3, 3, 2, 3, 2, 5, 2],
      },
    },
    ...agencyNames.map(
      (name, n): ReportSection => ({
        heading: `Ведомство: ${name}`,
        ...(n === 0 ? { sheet: 'Отчёты ведомств' } : {}),
        table: {
          header: ['Дорожная карта', '№', 'Мероприятие', 'Роль', 'Состояние', 'Отчёты ведомства за период'],
          rows: agencies
            .get(name)!
            .map(({ roadmap, item, role }) => [
              roadmap.title,
              item.number ?? item.key,
              item.measure,
              role,
              measureStateText(item),
              reportsOf(item, year, asOf, name).map(reportText).join('\n') || 'Отчётов нет',
            ]),
          widths: [3, 1, 5, 2, 2, 5],
        },
      }),
    ),
    {
      heading: 'Показатели сопровождаемого проживания и целевые значения',
      sheet: 'Показатели',
      table: {
        header: ['Показатель', `Значение на ${ruDate(asOf)}`, 'Целевое значение'],
        rows: figureRows(data, shape).map((r) => [r.label, r.value, r.target]),
        widths: [6, 2, 3],
      },
    },
    {
      heading: 'Жилые помещения для сопровождаемого проживания',
      sheet: 'Жильё',
      table: {
        header: ['Вид жилого помещения', 'Помещений', 'Мест', 'Занято'],
        rows: data.indicators.housing.map((h) => [housingLabel(h.kind), h.units, h.places, h.occupied]),
        widths: [6, 2, 2, 2],
      },
    },
    ...municipalitySection(data, shape),
  ];
  return {
    title: `Доклад о реализации мероприятий по организации сопровождаемого проживания инвалидов за ${year} год`,
    subtitle: [
      regionName(region),
      `Отчётный период: 01.01.${year} — 31.12.${year}`,
      `Сведения по состоянию на ${ruDate(asOf)}`,
      `Дата составления: ${ruDate(input.today)}`,
      `Получатель: Министерство труда и социальной защиты Российской Федерации`,
    ],
    sections,
    landscape: true,
  };
}
