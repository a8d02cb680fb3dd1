import ExcelJS from 'exceljs';
import type { ReportDocument } from './document.js';

const WIDE = 60;
const NARROW = 18;

/**
 * A workbook of the report: a sheet per section that names one (the title and its lines on the
 * first), each section's heading, its paragraphs, then its table with a bold header row.
 */
export async function reportXlsx(report: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Сопровождаемое проживание';
  book.title = report.title;
  let sheet: ExcelJS.Worksheet | undefined;
  for (const section of report.sections) {
    if (!sheet || section.sheet) {
      const first = !sheet;
      sheet = book.addWorksheet(section.sheet ?? 'Отчёт');
      if (first) {
        sheet.addRow([report.title]).font = { bold: true, size: 14 };
        for (const line of report.subtitle) sheet.addRow([line]);
        sheet.addRow([]);
      }
    } else sheet.addRow([]);
    sheet.addRow([section.heading]).font = { bold: true, size: 12 };
    for (const p of section.paragraphs ?? []) sheet.addRow([p]);
    const table = section.table;
    if (!table) continue;
    const header = sheet.addRow(table.header);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    for (const row of table.rows) sheet.addRow(row).alignment = { wrapText: true, vertical: 'top' };
    // the widest a column is asked to be by any table of the sheet
    table.header.forEach((_, c) => {
      const share = table.widths?.[c];
      const width = share === undefined ? (c === 0 ? WIDE : NARROW) : Math.max(8, share * 4);
      const column = sheet!.getColumn(c + 1);
      column.width = Math.max(column.width ?? 0, width);
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
