import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import pg from 'pg';

const SEEDS = new URL('../../packages/coordination/src/fixtures/seeds/', import.meta.url);

/** The committed copies of the seeds (000 Kaliningrad, 003 Novosibirsk, 004 Astrakhan). */
export function seedText(name: 'kaliningrad-000' | 'novosibirsk-003' | 'astrakhan-004'): string {
  return readFileSync(new URL(`${name}.txt`, SEEDS), 'utf8');
}

export const toBase64 = (content: string | Buffer) => Buffer.from(content).toString('base64');

export interface TableDocument {
  title: string;
  header: string[];
  rows: string[][];
}

/** Seed 000's table (after joining page-break continuations) as rows of cells. */
export function kaliningradTable(): TableDocument {
  const lines = seedText('kaliningrad-000').split('\n');
  const headerAt = lines.findIndex((l) => l.startsWith('№ п/п\t'));
  const rows: string[][] = [];
  for (const line of lines.slice(headerAt + 1)) {
    const cells = line.split('\t').map((c) => c.replace(/<[^>]+>/g, '').trim());
    if (cells.length < 6 || cells.every((c, i) => c === String(i + 1))) continue;
    if (cells[0] === '' && rows.length) {
      rows[rows.length - 1] = rows.at(-1)!.map((c, i) => `${c} ${cells[i]}`.trim());
    } else rows.push(cells);
  }
  return {
    title:
      'ПЛАН мероприятий («дорожная карта») по развитию сопровождаемого проживания инвалидов в Калининградской области на период до 2026 года',
    header: lines[headerAt]!.split('\t'),
    rows,
  };
}

/** A Word file as ministries publish it: a title paragraph, then the table. Made with `docx`. */
export async function docxOf(doc: TableDocument): Promise<Buffer> {
  const row = (cells: string[]) =>
    new TableRow({
      children: cells.map(
        (text) => new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)) }),
      ),
    });
  const file = new Document({
    sections: [
      {
        children: [
          new Paragraph('от 01 ноября 2024 г. № 312-рп'),
          new Paragraph(doc.title),
          new Table({
            rows: [row(doc.header), row(doc.header.map((_, i) => String(i + 1))), ...doc.rows.map(row)],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}

/** An Excel workbook: the title in A1, the header, then one row per table row. Made with `exceljs`. */
export async function xlsxOf(doc: TableDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  sheet.addRow([doc.title]);
  sheet.addRow([]);
  sheet.addRow(doc.header);
  for (const cells of doc.rows) sheet.addRow(cells);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads the test database directly, to check that a refused import left every row as it was. */
export async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
