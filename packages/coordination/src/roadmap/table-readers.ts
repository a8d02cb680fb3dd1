import { ValidationError } from '@sl/core';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { parse as parseHtml } from 'node-html-parser';
import { stripMarkup } from '../text/clean.js';

/** One row of the roadmap's table as the source holds it; `line` is what errors point at. */
export interface RawRow {
  line: number;
  cells: string[];
  /** Row mode only: a page break preceded this row (the `1 2 3 4 5 6` header repeated). */
  afterPageBreak?: boolean;
}

export interface RawDocument {
  /** Text before the table: the title and the approving act. */
  preamble: string[];
  rows: RawRow[];
  /** Text after the table: seed 003's list of abbreviations («Применяемые сокращения:»). */
  trailer: string[];
}

/** Where the table's text ends in the seeds (003 closes with its list of abbreviations). */
const TABLE_END = /^\s*(Применяемые сокращения|Список (используемых )?сокращений|Сокращения)\s*:?\s*$/i;
const COLUMN_NUMBERS = (cells: string[]) =>
  cells.length >= 3 && cells.every((c, i) => c.trim() === String(i + 1));

export class RoadmapFileError extends ValidationError {
  constructor(code: string, message: string, line?: number) {
    super(message, 'contentBase64', code, line === undefined ? {} : { line });
  }
}

export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const good = new TextDecoder('utf-8').decode(bytes).split('\n');
    const line = good.findIndex((l) => l.includes('\uFFFD')) + 1;
    throw new RoadmapFileError(
      'ROADMAP_ENCODING_INVALID',
      `Файл не в кодировке UTF-8: не удалось прочитать строку ${line || 1}`,
      line || 1,
    );
  }
}

/**
 * Plain text as extracted from the published files. Two layouts occur: one table row per line with
 * tab-separated cells (seed 000), or one cell per line, each opened by a tab and continued on the
 * following lines (seeds 003, 004).
 */
export function readText(text: string): RawDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const nul = lines.findIndex((l) => l.includes('\u0000'));
  if (nul >= 0) {
    throw new RoadmapFileError(
      'ROADMAP_ROW_UNREADABLE',
      `Не удалось прочитать строку ${nul + 1}: двоичные данные`,
      nul + 1,
    );
  }
  const tabFirst = lines.filter((l) => /^\s*\t/.test(l)).length;
  const rowLines = lines.filter((l) => (l.match(/\t/g) ?? []).length >= 3 && !/^\s*\t/.test(l)).length;
  return rowLines > tabFirst ? readRowPerLine(lines) : readCellPerLine(lines);
}

function readRowPerLine(lines: string[]): RawDocument {
  const preamble: string[] = [];
  const rows: RawRow[] = [];
  const end = lines.findIndex((l) => TABLE_END.test(l));
  const trailer = end >= 0 ? lines.slice(end) : [];
  let inTable = false;
  let pageBreak = false;
  (end >= 0 ? lines.slice(0, end) : lines).forEach((line, i) => {
    const cells = line.split('\t');
    if (!inTable && cells.length < 3) {
      if (rows.length === 0) preamble.push(line);
      return;
    }
    if (cells.length < 2) {
      if (line.trim())
        throw new RoadmapFileError(
          'ROADMAP_ROW_UNREADABLE',
          `Не удалось прочитать строку ${i + 1}: нет ячеек таблицы`,
          i + 1,
        );
      return;
    }
    inTable = true;
    if (COLUMN_NUMBERS(cells)) {
      pageBreak = true;
      return;
    }
    rows.push({ line: i + 1, cells, afterPageBreak: pageBreak });
    pageBreak = false;
  });
  return { preamble, rows, trailer };
}

interface Cell {
  line: number;
  text: string;
  /** The line before the cell was blank: rows of the cell layout begin after one. */
  afterBlank: boolean;
}

const HIER_NUMBER_ONLY = /^\d{1,2}(\s*\.\s*\d{1,2})+\.?$|^\d{1,2}\.$/;
const NUMBER_THEN_TEXT = /^\s*\d{1,2}(\s*\.\s*\d{1,2})*\s*\.?\s*[А-ЯЁа-яё«"]/;

function readCellPerLine(lines: string[]): RawDocument {
  const preamble: string[] = [];
  const cells: Cell[] = [];
  const trailer: string[] = [];
  let blank = true;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (TABLE_END.test(line)) {
      trailer.push(...lines.slice(i));
      break;
    }
    if (/^\s*\t/.test(line)) {
      const parts = line.replace(/^\s*\t/, '').split('\t');
      parts.forEach((part, k) => {
        cells.push({ line: i + 1, text: part, afterBlank: k === 0 && blank });
      });
      blank = false;
      continue;
    }
    if (cells.length === 0) {
      preamble.push(line);
      continue;
    }
    if (line.trim() === '') blank = true;
    cells.at(-1)!.text += `\n${line}`;
  }
  const rows: RawRow[] = [];
  cells.forEach((cell, i) => {
    const text = cell.text.trim();
    const next = cells[i + 1]?.text.trim() ?? '';
    const startsRow =
      rows.length === 0 ||
      (cell.afterBlank &&
        (HIER_NUMBER_ONLY.test(text) ||
          (NUMBER_THEN_TEXT.test(text) && /\d\s*\.?\s*[А-ЯЁа-яё]/.test(text)) ||
          ((text === '' || /^\d{1,3}$/.test(text)) && NUMBER_THEN_TEXT.test(next))));
    if (startsRow) rows.push({ line: cell.line, cells: [cell.text] });
    else rows.at(-1)!.cells.push(cell.text);
  });
  return { preamble, rows, trailer };
}

/** Word files: every table row of the document, cells as text with paragraph breaks kept. */
export async function readDocx(bytes: Buffer): Promise<RawDocument> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch {
    throw new RoadmapFileError(
      'ROADMAP_FILE_UNREADABLE',
      'Файл .docx повреждён или не является документом Word',
    );
  }
  const root = parseHtml(html);
  const rows: RawRow[] = [];
  const preamble: string[] = [];
  const trailer: string[] = [];
  let line = 0;
  let tableSeen = false;
  for (const node of root.childNodes) {
    const element = node as unknown as HtmlElement;
    if (element.tagName === 'TABLE' && !tableSeen) {
      tableSeen = true;
      for (const cells of tableGrid(element)) {
        line += 1;
        if (COLUMN_NUMBERS(cells)) continue;
        rows.push({ line, cells });
      }
    } else {
      (tableSeen ? trailer : preamble).push(stripMarkup(element.text ?? ''));
    }
  }
  return { preamble, rows, trailer };
}

interface HtmlElement {
  tagName?: string;
  text: string;
  innerHTML: string;
  getAttribute(name: string): string | undefined;
  querySelectorAll(selector: string): HtmlElement[];
}

/**
 * A Word table as a grid of text: a cell merged across columns (`colspan`) leaves the columns it
 * covers empty, one merged down rows (`rowspan`) repeats its text in them, so that every row has
 * a cell per column as the text layout does.
 */
function tableGrid(table: HtmlElement): string[][] {
  const below = new Map<number, { text: string; rows: number }>();
  const grid: string[][] = [];
  for (const tr of table.querySelectorAll('tr')) {
    const cells: string[] = [];
    let col = 0;
    const fillFromAbove = () => {
      for (let carried = below.get(col); carried; carried = below.get(col)) {
        cells[col] = carried.text;
        carried.rows -= 1;
        if (carried.rows === 0) below.delete(col);
        col += 1;
      }
    };
    for (const td of tr.querySelectorAll('td, th')) {
      fillFromAbove();
      const text = stripMarkup(td.innerHTML);
      const span = Math.max(1, Number(td.getAttribute('colspan') ?? 1) || 1);
      const down = Math.max(1, Number(td.getAttribute('rowspan') ?? 1) || 1);
      for (let k = 0; k < span; k += 1) {
        cells[col + k] = k === 0 ? text : '';
        if (down > 1) below.set(col + k, { text: k === 0 ? text : '', rows: down - 1 });
      }
      col += span;
    }
    fillFromAbove();
    grid.push(Array.from(cells, (c) => c ?? ''));
  }
  return grid;
}

/** Excel files: the first worksheet; rows with one filled cell before the table are its title. */
export async function readXlsx(bytes: Buffer): Promise<RawDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new RoadmapFileError(
      'ROADMAP_FILE_UNREADABLE',
      'Файл .xlsx повреждён или не является книгой Excel',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RoadmapFileError('ROADMAP_TABLE_NOT_FOUND', 'В книге Excel нет ни одного листа');
  const preamble: string[] = [];
  const rows: RawRow[] = [];
  const trailer: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) {
      const cell = row.getCell(c);
      // Merged cells: across columns (a section's title, «Срок реализации» over its two columns)
      // the covered columns stay empty; down rows (a header's «№ п/п») the text repeats.
      const covered = cell.isMerged && cell.master !== cell && cell.master.row === cell.row;
      cells.push(covered ? '' : stripMarkup(cell.text ?? ''));
    }
    if (trailer.length > 0 || (rows.length > 0 && TABLE_END.test(cells.join(' ')))) {
      trailer.push(cells.filter((c) => c.trim()).join(' '));
      return;
    }
    const filled = cells.filter((c) => c.trim()).length;
    if (rows.length === 0 && filled <= 1 && !/^\d/.test(cells[0] ?? '')) {
      preamble.push(cells.join(' '));
      return;
    }
    if (COLUMN_NUMBERS(cells)) return;
    rows.push({ line: rowNumber, cells });
  });
  return { preamble, rows, trailer };
}
