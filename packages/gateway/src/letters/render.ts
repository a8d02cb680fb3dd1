import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { pdfBuffer, useShippedFonts } from '../pdf/fonts.js';
import type { Letter } from './letter.js';

/** A letter as DOCX, in the style of the reports' DOCX (docx package, plain paragraphs). */
export async function letterDocx(letter: Letter): Promise<Buffer> {
  const doc = new Document({
    creator: 'Сопровождаемое проживание',
    title: letter.title,
    sections: [
      {
        children: [
          ...letter.sender.map((line) => new Paragraph({ text: line })),
          ...letter.addressee.map((line) => new Paragraph({ text: line, alignment: AlignmentType.RIGHT })),
          new Paragraph({ text: letter.date }),
          new Paragraph({
            text: letter.title,
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
          }),
          new Paragraph({
            children: [new TextRun({ text: letter.salutation, bold: true })],
            alignment: AlignmentType.CENTER,
          }),
          ...letter.body.map((text) => new Paragraph({ text, alignment: AlignmentType.JUSTIFIED })),
          ...letter.signature.map((text) => new Paragraph({ text })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The same letter as PDF (pdfkit, the shipped fonts embedded and subset). */
export function letterPdf(letter: Letter): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: letter.title } });
  const done = pdfBuffer(pdf);
  useShippedFonts(pdf);
  pdf.fontSize(12);
  for (const line of letter.sender) pdf.text(line);
  pdf.moveDown();
  for (const line of letter.addressee) pdf.text(line, { align: 'right' });
  pdf.moveDown().text(letter.date);
  pdf.moveDown().font('bold').fontSize(14).text(letter.title, { align: 'center' });
  pdf.moveDown().fontSize(12).text(letter.salutation, { align: 'center' }).font('regular');
  for (const text of letter.body) pdf.moveDown(0.5).text(text, { align: 'justify', indent: 28 });
  pdf.moveDown(2);
  for (const line of letter.signature) pdf.text(line);
  pdf.end();
  return done;
}
