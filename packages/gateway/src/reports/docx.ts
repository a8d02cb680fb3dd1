import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { figureRows } from './figures.js';
import { ruDate } from './labels.js';
import type { ReportData, ReportShape } from './report-data.js';

const cell = (text: string | number | null, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({ children: [new TextRun({ text: text === null ? '—' : String(text), bold })] }),
    ],
  });

function table(header: string[], rows: (string | number | null)[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: header.map((h) => cell(h, true)), tableHeader: true }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

/** The Council meeting brief: indicators with targets, what is late and who answers for it, decisions. */
export async function councilBriefDocx(
  data: ReportData,
  shape: ReportShape,
  region: string,
): Promise<Buffer> {
  const asOf = ruDate(data.indicators.asOf);
  const late = data.lateObligations.edges.map((e) => e.node);
  const decisions = data.councilDecisions.edges.map((e) => e.node).filter((d) => d.status === 'OPEN');
  const doc = new Document({
    creator: 'Сопровождаемое проживание',
    title: `Справка к заседанию Совета на ${asOf}`,
    sections: [
      {
        children: [
          new Paragraph({
            text: `Справка к заседанию Совета по делам инвалидов (${region})`,
            heading: HeadingLevel.TITLE,
          }),
          new Paragraph({ text: `По состоянию на ${asOf}` }),
          new Paragraph({ text: 'Показатели', heading: HeadingLevel.HEADING_1 }),
          table(
            ['Показатель', 'Значение', 'Целевое значение'],
            figureRows(data, shape).map((r) => [r.label, r.value, r.target]),
          ),
          new Paragraph({
            text: `Просроченные мероприятия (${data.lateObligations.totalCount})`,
            heading: HeadingLevel.HEADING_1,
          }),
          table(
            ['№', 'Мероприятие', 'Период', 'Срок', 'Дней просрочки', 'Ответственный'],
            late.map((o) => [
              o.item.number ?? o.item.key,
              o.item.measure,
              o.periodLabel,
              ruDate(o.dueDate),
              o.daysOverdue,
              o.responsibleAgency?.name ?? '—',
            ]),
          ),
          new Paragraph({ text: 'Поручения Совета на контроле', heading: HeadingLevel.HEADING_1 }),
          table(
            ['№', 'Поручение', 'Человек', 'Срок', 'Исполнитель', 'Просрочено'],
            decisions.map((d) => [
              d.number,
              d.text,
              d.peopleCount,
              ruDate(d.dueDate),
              d.assignee.name,
              d.overdue ? 'да' : 'нет',
            ]),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
