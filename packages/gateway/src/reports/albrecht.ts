import type { ReportDocument } from './document.js';
import { figureRows, housingLabel } from './figures.js';
import { FIGURE_LABELS, percent, ruDate, STAGE_LABELS } from './labels.js';
import { municipalitySection } from './municipalities.js';
import { regionName } from './regions.js';
import type { ReportData, ReportShape } from './report-data.js';

/**
 * The monitoring sheet's column headers. Where the federal form on supported living has the
 * figure, its wording: the form of federal statistical observation on supported living of
 * disabled people (in force from the report for 2025, seed 000 item 16), subsection 3.2
 * «Количество квартир сопровождаемого проживания инвалидов, единица» — as published at
 * https://www.consultant.ru/document/cons_doc_LAW_498176/f5b6d09ddabf99a9a00044161b8908b15fbefdb8
 * («Квартиры для сопровождаемого проживания инвалидов», «Всего», «N строки»). The other figures
 * keep the reports' own Russian names (labels.ts), which follow the wording of the roadmaps.
 */
export const MONITORING_HEADERS = {
  figure: 'Наименование показателя',
  line: 'N строки',
  submitted: 'Подано заявлений о предоставлении сопровождаемого проживания, единица',
  decided: 'Принято решений по заявлениям, единица',
  decidedOnTime: 'Из них в установленный срок (10 календарных дней), единица',
  shareDecidedOnTime: 'Доля решений, принятых в установленный срок, %',
  stage: (s: string) =>
    `Численность инвалидов, получающих услуги сопровождаемого проживания: ${STAGE_LABELS[s]}, человек`,
  housing: {
    title: 'Количество квартир сопровождаемого проживания инвалидов, единица',
    kind: 'Квартиры для сопровождаемого проживания инвалидов',
    line: 'N строки',
    units: 'Всего',
    places: 'Мест, единица',
    occupied: 'Из них занято, единица',
  },
} as const;

/** One line per figure, its values month by month: the form's layout (figures down, dates across). */
function monitoringRows(data: ReportData, shape: ReportShape): [string, (number | string | null)[]][] {
  const h = MONITORING_HEADERS;
  const s = data.series;
  return [
    ...shape.indicatorNumbers.map((f): [string, (number | null)[]] => [
      FIGURE_LABELS[f.name] ?? f.label,
      s.map((m) => (m[f.name] as number | null) ?? null),
    ]),
    [h.submitted, s.map((m) => m.applications.submitted)],
    [h.decided, s.map((m) => m.applications.decided)],
    [h.decidedOnTime, s.map((m) => m.applications.decidedOnTime)],
    [h.shareDecidedOnTime, s.map((m) => percent(m.applications.shareDecidedOnTime))],
    ...Object.keys(STAGE_LABELS).map((st): [string, number[]] => [
      h.stage(st),
      s.map((m) => m.peopleByStage.find((p) => p.key === st)?.people ?? 0),
    ]),
  ];
}

/**
 * Monitoring data for the Albrecht centre (seed 000 item 18: «Направление сведений в ФГБУ ФНОЦ МСЭ
 * и Р им. Г.А. Альбрехта», yearly by 1 October of the following year): the figures month by month
 * over the year, so the centre sees the dynamics, not one date.
 */
export function albrechtMonitoring(
  data: ReportData,
  shape: ReportShape,
  region: string,
  today: string,
): ReportDocument {
  const asOf = data.indicators.asOf;
  const h = MONITORING_HEADERS;
  return {
    title: 'Сведения мониторинга развития сопровождаемого проживания инвалидов',
    subtitle: [
      regionName(region),
      `Период: 01.01.${asOf.slice(0, 4)} — ${ruDate(asOf)}`,
      'Получатель: ФГБУ «Федеральный научно-образовательный центр медико-социальной экспертизы и реабилитации им. Г.А. Альбрехта» Минтруда России',
      `Дата составления: ${ruDate(today)}`,
    ],
    landscape: true,
    sections: [
      {
        heading: 'Показатели на конец каждого месяца',
        sheet: 'Мониторинг',
        table: {
          header: [h.figure, h.line, ...data.series.map((m) => ruDate(m.asOf))],
          rows: monitoringRows(data, shape).map(([label, values], n) => [label, n + 1, ...values]),
          widths: [8, 1, ...data.series.map(() => 2)],
        },
      },
      {
        heading: h.housing.title,
        sheet: 'Квартиры',
        table: {
          header: [h.housing.kind, h.housing.line, h.housing.units, h.housing.places, h.housing.occupied],
          rows: data.indicators.housing.map((x, n) => [
            housingLabel(x.kind),
            n + 1,
            x.units,
            x.places,
            x.occupied,
          ]),
          widths: [6, 1, 2, 2, 2],
        },
      },
      {
        heading: `Показатели на ${ruDate(asOf)} и целевые значения`,
        sheet: 'Показатели',
        table: {
          header: ['Показатель', `Значение на ${ruDate(asOf)}`, 'Целевое значение'],
          rows: figureRows(data, shape).map((r) => [r.label, r.value, r.target]),
          widths: [6, 2, 3],
        },
      },
      ...municipalitySection(data, shape),
    ],
  };
}
