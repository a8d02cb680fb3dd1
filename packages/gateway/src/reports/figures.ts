import { COMPARATOR_LABELS, FIGURE_LABELS, HOUSING_LABELS, percent, STAGE_LABELS } from './labels.js';
import type { ReportData, ReportShape } from './report-data.js';

/** One line of a report's table of indicators: a name, the value, the roadmap's target if any. */
export interface FigureRow {
  label: string;
  value: number | string | null;
  target: string | null;
}

/** The indicators as rows, the same in every report, targets beside the figures they measure. */
export function figureRows(data: ReportData, shape: ReportShape): FigureRow[] {
  const i = data.indicators;
  const targetOf = (indicator: string) => {
    const t = i.targets.find((x) => x.indicator === indicator);
    return t
      ? `${COMPARATOR_LABELS[t.comparator] ?? ''} ${t.value}${t.unit === '%' ? '%' : ` ${t.unit ?? ''}`} (п. ${t.itemNumber})`.trim()
      : null;
  };
  const rows: FigureRow[] = [];
  for (const f of shape.indicatorNumbers)
    rows.push({
      label: FIGURE_LABELS[f.name] ?? f.label,
      value: (i[f.name] as number | null) ?? null,
      target: targetOf(f.name),
    });
  const a = i.applications;
  rows.push(
    { label: 'Подано заявлений', value: a.submitted, target: null },
    { label: 'Принято решений по заявлениям', value: a.decided, target: null },
    { label: 'Из них в срок (10 дней)', value: a.decidedOnTime, target: null },
    {
      label: 'Доля решений, принятых в срок',
      value: percent(a.shareDecidedOnTime),
      target: targetOf('shareDecidedOnTime'),
    },
    { label: 'Заявлений на рассмотрении', value: a.pending, target: null },
    { label: 'Из них с истёкшим сроком', value: a.pendingOverdue, target: null },
  );
  for (const s of i.peopleByStage)
    rows.push({ label: `Участников: ${STAGE_LABELS[s.key] ?? s.key}`, value: s.people, target: null });
  for (const d of i.peopleByAutonomyDegree)
    rows.push({ label: `Степень нарушения автономии ${d.key}`, value: d.people, target: null });
  for (const s of i.peopleByServiceType)
    rows.push({ label: `Вид сопровождения: ${s.label ?? s.key}`, value: s.people, target: null });
  if (i.roadmapTotals) {
    const t = i.roadmapTotals;
    rows.push(
      { label: 'Мероприятий дорожной карты: выполнено', value: t.done, target: null },
      { label: 'Мероприятий дорожной карты: в работе', value: t.inProgress, target: null },
      { label: 'Мероприятий дорожной карты: просрочено', value: t.late, target: null },
    );
  }
  return rows;
}

export const housingLabel = (kind: string) => HOUSING_LABELS[kind] ?? kind;
