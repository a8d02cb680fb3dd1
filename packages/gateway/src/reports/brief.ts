import { agenciesOf, decisionStateText, ROLE_LABELS } from './accounts.js';
import type { ReportDocument, ReportSection } from './document.js';
import { figureRows } from './figures.js';
import { ruDate } from './labels.js';
import type { DecisionRef, MeetingRef } from './queries.js';
import { regionName } from './regions.js';
import type { ReportData, ReportShape } from './report-data.js';

const NO_AGENCY = 'Исполнитель не определён';

const decisionRows = (decisions: DecisionRef[]) =>
  decisions.map((d) => [d.reference, d.text, d.assignee.name, ruDate(d.dueDate), decisionStateText(d)]);
const DECISION_HEADER = ['Поручение', 'Содержание', 'Исполнитель', 'Срок', 'Состояние'];
const DECISION_WIDTHS = [3, 6, 3, 2, 3];

/**
 * The brief for a Council meeting (seed 000 item 5): the agenda, the figures against the roadmap's
 * targets, every late item of the meeting's region under each executing agency (responsible and
 * co-executing), with its roadmap named; the meeting's decisions and those still open, each named
 * by its protocol («Протокол № 3, поручение 2»). Without a meeting: the same for the region as of
 * the date.
 */
export function councilBrief(
  data: ReportData,
  shape: ReportShape,
  region: string,
  meeting: MeetingRef | null,
): ReportDocument {
  const asOf = ruDate(data.indicators.asOf);
  const late = data.lateObligations.edges.map((e) => e.node);
  const byAgency = new Map<string, typeof late>();
  for (const o of late) {
    const agencies = agenciesOf(o.item.executors);
    for (const a of agencies.length ? agencies : [{ name: NO_AGENCY }]) {
      const list = byAgency.get(a.name) ?? [];
      list.push(o);
      byAgency.set(a.name, list);
    }
  }
  const agencyNames = [...byAgency.keys()].sort((a, b) => a.localeCompare(b, 'ru'));
  const open = data.councilDecisions.edges.map((e) => e.node).filter((d) => d.status === 'OPEN');

  const sections: ReportSection[] = [];
  if (meeting)
    sections.push({
      heading: 'Повестка заседания',
      sheet: 'Повестка',
      paragraphs: [
        ...meeting.agenda.split(/\n+/).filter(Boolean),
        ...(meeting.attendees.length ? [`Участники: ${meeting.attendees.join('; ')}`] : []),
      ],
    });
  sections.push(
    {
      heading: 'Показатели и целевые значения',
      sheet: 'Показатели',
      table: {
        header: ['Показатель', `Значение на ${asOf}`, 'Целевое значение'],
        rows: figureRows(data, shape).map((r) => [r.label, r.value, r.target]),
        widths: [6, 2, 3],
      },
    },
    {
      heading: `Просроченные мероприятия дорожных карт региона (${data.lateObligations.totalCount})`,
      sheet: 'Просрочено',
      paragraphs: [
        'Мероприятие указано под каждым ведомством, которое его исполняет: ответственным исполнителем и соисполнителями.',
      ],
    },
    ...agencyNames.map(
      (name): ReportSection => ({
        heading: `${name} — просрочено: ${byAgency.get(name)!.length}`,
        table: {
          header: [
            'Мероприятие (дорожная карта, пункт)',
            'Содержание',
            'Роль',
            'Период',
            'Срок',
            'Дней просрочки',
          ],
          rows: byAgency
            .get(name)!
            .map((o) => [
              o.item.reference,
              o.item.measure,
              name === NO_AGENCY
                ? '—'
                : ROLE_LABELS[agenciesOf(o.item.executors).find((a) => a.name === name)!.role],
              o.periodLabel,
              ruDate(o.dueDate),
              o.daysOverdue,
            ]),
          widths: [4, 6, 2, 2, 2, 1],
        },
      }),
    ),
  );
  if (meeting)
    sections.push({
      heading: `Поручения заседания${meeting.protocolNumber ? ` (протокол № ${meeting.protocolNumber})` : ''}`,
      sheet: 'Поручения',
      table: { header: DECISION_HEADER, rows: decisionRows(meeting.decisions), widths: DECISION_WIDTHS },
    });
  sections.push({
    heading: 'Поручения Совета на контроле',
    ...(meeting ? {} : { sheet: 'Поручения' }),
    table: { header: DECISION_HEADER, rows: decisionRows(open), widths: DECISION_WIDTHS },
  });
  return {
    title: 'Справка к заседанию Совета по делам инвалидов',
    subtitle: [
      regionName(region),
      ...(meeting
        ? [
            `Заседание ${ruDate(meeting.heldOn)}${meeting.protocolNumber ? `, протокол № ${meeting.protocolNumber}` : ''}`,
          ]
        : []),
      `По состоянию на ${asOf}`,
    ],
    sections,
    landscape: true,
  };
}
