import type { ReportSection } from './document.js';
import { FIGURE_LABELS, STAGE_LABELS } from './labels.js';
import type { ReportData, ReportShape } from './report-data.js';

/**
 * One row per municipality with the figures that exist per municipality: a figure every subgraph
 * withholds from municipalities (null in every row: the register, the roadmap, health, education)
 * gets no column, so the table shows only what can honestly be told apart.
 */
export function municipalitySection(data: ReportData, shape: ReportShape): ReportSection[] {
  const rows = data.municipalities;
  if (!rows) return [];
  const numbers = shape.indicatorNumbers.filter((f) =>
    rows.some((m) => m[f.name] !== null && m[f.name] !== undefined),
  );
  const stages = Object.keys(STAGE_LABELS);
  return [
    {
      heading: 'Показатели по муниципальным образованиям',
      sheet: 'По муниципалитетам',
      table: {
        header: [
          'Муниципальное образование',
          'Подано заявлений',
          'Принято решений по заявлениям',
          'Из них в срок (10 дней)',
          ...stages.map((s) => `Участников: ${STAGE_LABELS[s]}`),
          ...numbers.map((f) => FIGURE_LABELS[f.name] ?? f.label),
        ],
        rows: rows.map((m) => [
          m.municipality,
          m.applications.submitted,
          m.applications.decided,
          m.applications.decidedOnTime,
          ...stages.map((s) => m.peopleByStage.find((p) => p.key === s)?.people ?? 0),
          ...numbers.map((f) => (m[f.name] as number | null) ?? null),
        ]),
      },
    },
  ];
}
