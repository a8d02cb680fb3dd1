import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type Cell, cellText, type ReportDocument, type ReportTable } from './document.js';

const cell = (value: Cell, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cellText(value), bold })] })] });

function table(t: ReportTable): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: t.header.map((h) => cell(h, true)), tableHeader: true }),
      ...t.rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

/** The report as a Word document: title, its lines, a heading per section, paragraphs, tables. */
export function reportDocx(report: ReportDocument): Promise<Buffer> {
  const doc = new Document({
    creator: 'Сопровождаемое проживание',
    title: report.title,
    sections: [
      {
        properties: report.landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {},
        children: [
          new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
          ...report.subtitle.map((line) => new Paragraph({ text: line })),
          ...report.sections.flatMap((s) => [
            new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }),
            ...(s.paragraphs ?? []).map((text) => new Paragraph({ text })),
            ...(s.table ? [table(s.table)] : []),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
