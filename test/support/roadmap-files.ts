import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { readText } from '../../packages/coordination/src/roadmap/table-readers.js';

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

/** An Excel workbook: the approving act and the title, the header, then the table's rows. Made with `exceljs`. */
export async function xlsxOf(doc: TableDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  sheet.addRow(['от 01 ноября 2024 г. № 312-рп']);
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

/** A header cell merged across columns (`span`) or down rows (`down`), as Word and Excel merge them. */
export interface HeaderCell {
  text: string;
  span?: number;
  down?: number;
}

/** A table as a published Word or Excel file lays it out: header rows with merged cells, text after it. */
export interface SeedTable {
  preamble: string[];
  columns: number;
  header: HeaderCell[][];
  rows: string[][];
  trailer: string[];
}

// seed 003's header: «Срок реализации» over «начало реализации» and «окончания реализации», the
// other headings merged down both rows
const NOVOSIBIRSK_HEADER: HeaderCell[][] = [
  [
    { text: '№\nп/п', down: 2 },
    { text: 'Наименование мероприятия', down: 2 },
    { text: 'Ожидаемый\nнепосредственный\nрезультат', down: 2 },
    { text: 'Срок реализации', span: 2 },
    { text: 'Ответственный исполнитель', down: 2 },
  ],
  [{ text: 'начало\nреализации' }, { text: 'окончания\nреализации' }],
];

/**
 * Seeds 003 and 004 as the tables their Word originals hold: rows as the text layout gives them
 * (cells separated by the tab lines), the header of 003 as two merged rows, a section as one cell
 * across the table (003) or after its row number (004), and 003's list of abbreviations after it.
 */
export function seedTable(name: 'novosibirsk-003' | 'astrakhan-004'): SeedTable {
  const doc = readText(seedText(name));
  const columns = 6;
  const fit = (cells: string[]) => {
    const out = cells.map((c) => c.trim());
    // Word leaves an empty cell behind a stray tab (seed 004 item 4.3.7)
    for (let i = out.length - 1; out.length > columns && i >= 1; i -= 1) if (!out[i]) out.splice(i, 1);
    return out;
  };
  if (name === 'novosibirsk-003') {
    return {
      preamble: doc.preamble.filter((l) => l.trim()),
      columns,
      header: NOVOSIBIRSK_HEADER,
      rows: doc.rows.slice(1).map((r) => fit(r.cells)),
      trailer: doc.trailer.filter((l) => l.trim()),
    };
  }
  return { preamble: [], columns, header: [], rows: doc.rows.map((r) => fit(r.cells)), trailer: [] };
}

const paragraphs = (text: string) => text.split('\n').map((line) => new Paragraph(line));

/** A Word file of the table, merged cells merged (`columnSpan`, `rowSpan`). Made with `docx`. */
export async function docxOfTable(table: SeedTable): Promise<Buffer> {
  const bodyRow = (cells: string[]) => {
    const last = cells.length - 1;
    return new TableRow({
      children: cells.map(
        (text, i) =>
          new TableCell({
            children: paragraphs(text),
            ...(i === last && cells.length < table.columns ? { columnSpan: table.columns - last } : {}),
          }),
      ),
    });
  };
  const file = new Document({
    sections: [
      {
        children: [
          ...table.preamble.map((l) => new Paragraph(l)),
          new Table({
            rows: [
              ...table.header.map(
                (cells) =>
                  new TableRow({
                    children: cells.map(
                      (c) =>
                        new TableCell({
                          children: paragraphs(c.text),
                          ...(c.span ? { columnSpan: c.span } : {}),
                          ...(c.down ? { rowSpan: c.down } : {}),
                        }),
                    ),
                  }),
              ),
              ...table.rows.map(bodyRow),
            ],
          }),
          ...table.trailer.map((l) => new Paragraph(l)),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}

/** An Excel workbook of the table, merged cells merged (`mergeCells`). Made with `exceljs`. */
export async function xlsxOfTable(table: SeedTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  for (const line of table.preamble) sheet.addRow([line]);
  const top = sheet.rowCount + 1;
  const taken = new Set<string>();
  table.header.forEach((cells, r) => {
    let col = 1;
    for (const cell of cells) {
      while (taken.has(`${r}:${col}`)) col += 1;
      sheet.getCell(top + r, col).value = cell.text;
      const span = cell.span ?? 1;
      const down = cell.down ?? 1;
      for (let dr = 0; dr < down; dr += 1)
        for (let dc = 0; dc < span; dc += 1) taken.add(`${r + dr}:${col + dc}`);
      if (span > 1 || down > 1) sheet.mergeCells(top + r, col, top + r + down - 1, col + span - 1);
      col += span;
    }
  });
  for (const cells of table.rows) {
    const row = sheet.addRow(cells);
    // a section's one cell spans the rest of the table
    if (cells.length < table.columns) sheet.mergeCells(row.number, cells.length, row.number, table.columns);
  }
  for (const line of table.trailer) sheet.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
