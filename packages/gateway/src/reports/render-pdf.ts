import PDFDocument from 'pdfkit';
import { pdfBuffer, useShippedFonts } from '../pdf/fonts.js';
import { cellText, type ReportDocument } from './document.js';

/**
 * The report as PDF (pdfkit, as the letters; the shipped DejaVu fonts embedded, so the text is
 * Cyrillic and can be copied out): title, lines, headings, paragraphs, tables with a bold header.
 */
export function reportPdf(report: ReportDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: report.landscape ? 'landscape' : 'portrait',
    margin: 40,
    info: { Title: report.title },
  });
  const done = pdfBuffer(pdf);
  useShippedFonts(pdf);
  pdf.font('bold').fontSize(14).text(report.title, { align: 'center' });
  pdf.font('regular').fontSize(10);
  for (const line of report.subtitle) pdf.text(line, { align: 'center' });
  for (const section of report.sections) {
    pdf.moveDown().font('bold').fontSize(12).text(section.heading, pdf.page.margins.left);
    pdf.font('regular').fontSize(9);
    for (const p of section.paragraphs ?? []) pdf.text(p);
    const t = section.table;
    if (!t) continue;
    pdf.moveDown(0.5);
    const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
    const total = t.widths?.reduce((a, b) => a + b, 0) ?? 0;
    pdf.table({
      position: { x: pdf.page.margins.left },
      columnStyles: t.widths ? t.widths.map((w) => (w / total) * width) : undefined,
      data: [
        t.header.map((text) => ({ text, font: { src: 'bold' }, backgroundColor: '#eeeeee' })),
        ...t.rows.map((row) => row.map(cellText)),
      ],
    });
  }
  pdf.end();
  return done;
}
