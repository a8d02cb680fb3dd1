import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';

// DejaVu ships with the project (npm package dejavu-fonts-ttf): PDF's standard fonts have no Cyrillic.
const font = (file: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
const REGULAR = font('DejaVuSerif.ttf');
const BOLD = font('DejaVuSerif-Bold.ttf');

/** Registers the shipped Cyrillic fonts as `regular` and `bold` (embedded and subset by pdfkit). */
export function useShippedFonts(pdf: PDFKit.PDFDocument): void {
  pdf.registerFont('regular', REGULAR);
  pdf.registerFont('bold', BOLD);
  pdf.font('regular');
}

/** Collects a pdfkit document into one buffer once `end()` is called. */
export function pdfBuffer(pdf: InstanceType<typeof PDFDocument>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
