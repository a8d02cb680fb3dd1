import { createRequire } from 'node:module';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
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

// DejaVu ships with the project (npm package dejavu-fonts-ttf): PDF's standard fonts have no Cyrillic.
const font = (file: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
const REGULAR = font('DejaVuSerif.ttf');
const BOLD = font('DejaVuSerif-Bold.ttf');

/** The same letter as PDF (pdfkit, fonts embedded and subset). */
export function letterPdf(letter: Letter): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: letter.title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.registerFont('regular', REGULAR);
    pdf.registerFont('bold', BOLD);
    pdf.font('regular').fontSize(12);
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
  });
}
