import { comparable, oneLine, stripMarkup } from '../text/clean.js';
import { annualWithin, type ParsedDeadline, parseDeadline } from './deadline.js';
import { splitFootnotes } from './footnotes.js';
import { type RawDocument, type RawRow, RoadmapFileError } from './table-readers.js';
import { extractTargets, type Target } from './targets.js';

type Role =
  | 'ordinal'
  | 'number'
  | 'numberedMeasure'
  | 'measure'
  | 'deadline'
  | 'deadlineStart'
  | 'deadlineEnd'
  | 'executors'
  | 'documentType'
  | 'problem'
  | 'result';

export interface ParsedSection {
  key: string;
  number: string | null;
  title: string;
  executorsText: string | null;
  parentKey: string | null;
  level: number;
  position: number;
  line: number;
}

export interface ParsedItem {
  key: string;
  number: string | null;
  ordinal: number | null;
  sectionKey: string | null;
  position: number;
  line: number;
  measure: string;
  executorsText: string | null;
  documentType: string | null;
  problem: string | null;
  expectedResult: string | null;
  deadline: ParsedDeadline;
  targets: Target[];
  /** Footnotes the document attached to the item's cells, kept apart from its text. */
  footnotes: string[];
}

export interface ParsedRoadmap {
  title: string | null;
  periodStartYear: number | null;
  periodEndYear: number | null;
  sections: ParsedSection[];
  items: ParsedItem[];
  /** Things read but not understood (a deadline of no known shape): imported, and reported. */
  warnings: string[];
}

function headerRole(cell: string): Role | null {
  const c = comparable(cell);
  if (!c) return null;
  if (/^№|^n\s*п\/п/.test(c)) return 'number';
  if (/начало/.test(c)) return 'deadlineStart';
  if (/окончани/.test(c)) return 'deadlineEnd';
  if (/наименование|^мероприяти/.test(c)) return 'measure';
  if (/срок/.test(c)) return 'deadline';
  if (/ответствен|исполнител/.test(c)) return 'executors';
  if (/вид документа/.test(c)) return 'documentType';
  if (/ожидаем|результат/.test(c)) return 'result';
  if (/проблем|текущее состояние/.test(c)) return 'problem';
  return null;
}

/** The header's columns; «Срок реализации» split into «начало» / «окончания» becomes two. */
function headerRoles(row: RawRow): Role[] | null {
  const roles = row.cells.map(headerRole).filter((r): r is Role => r !== null);
  if (!roles.includes('measure') || roles.length < 3) return null;
  const unique = roles.filter((r, i) => roles.indexOf(r) === i);
  const split = unique.includes('deadlineStart') && unique.includes('deadlineEnd');
  return unique.flatMap((r): Role[] => {
    if (r === 'deadline' && split) return ['deadlineStart', 'deadlineEnd'];
    if (split && unique.includes('deadline') && (r === 'deadlineStart' || r === 'deadlineEnd')) return [];
    return [r];
  });
}

const LEADING_NUMBER = /^\s*(\d{1,2}(?:\s*\.\s*\d{1,2})*)\s*\.?\s*/;

function splitNumber(text: string): { number: string | null; rest: string } {
  const m = LEADING_NUMBER.exec(text);
  if (!m || m[0].length === 0) return { number: null, rest: text.trim() };
  return { number: m[1]!.replace(/\s+/g, ''), rest: text.slice(m[0].length).trim() };
}

const normalizeNumber = (text: string) => {
  const n = oneLine(text).replace(/\s+/g, '').replace(/\.$/, '');
  return /^\d{1,2}(\.\d{1,2})*$/.test(n) ? n : null;
};

/**
 * A header of two rows (seed 003 as Word or Excel lays it out: «Срок реализации» merged over
 * «начало реализации» and «окончания реализации») read as one: each column's words joined. The
 * readers leave a horizontally merged cell's other columns empty and repeat a vertically merged one.
 */
function subHeader(header: RawRow, under: RawRow): RawRow | null {
  if (under.cells.length !== header.cells.length) return null;
  const differs = under.cells.some((c, i) => c.trim() && c.trim() !== header.cells[i]!.trim());
  const allHeading = under.cells.every(
    (c, i) => !c.trim() || c.trim() === header.cells[i]!.trim() || headerRole(c) !== null,
  );
  if (!differs || !allHeading) return null;
  return {
    line: header.line,
    cells: header.cells.map((c, i) => {
      const below = under.cells[i]!.trim();
      return below && below !== c.trim() ? `${c} ${below}`.trim() : c;
    }),
  };
}

/** The title and period of the roadmap from the text above its table. */
function readTitle(preamble: string[]): Pick<ParsedRoadmap, 'title' | 'periodStartYear' | 'periodEndYear'> {
  const lines = preamble.map((l) => oneLine(l));
  let at = -1;
  lines.forEach((l, i) => {
    if (/дорожная карта|^план мероприятий|^мероприятий/i.test(l)) at = i;
  });
  let title: string | null = null;
  if (at >= 0) {
    let start = at;
    if (at > 0 && /^(?:[А-ЯЁ]\s){2,}[А-ЯЁ]$|^ПЛАН$/.test(lines[at - 1]!)) start = at - 1;
    const block: string[] = [];
    for (let i = start; i < lines.length && lines[i]; i += 1) block.push(lines[i]!);
    title = block
      .join(' ')
      .replace(/^((?:[А-ЯЁ]\s){2,}[А-ЯЁ])(?=\s)/, (m) => m.replace(/\s/g, ''))
      .slice(0, 1000);
  }
  const all = lines.join(' ');
  const span = /на\s+(\d{4})\s*[-–—]\s*(\d{4})\s*год/i.exec(title ?? all);
  const until = /до\s+(\d{4})\s+год/i.exec(title ?? all);
  const approved = parseDeadline(/от\s+\d{1,2}\s+[а-яё]+\s+\d{4}/i.exec(all)?.[0] ?? '').terms[0];
  return {
    title,
    periodStartYear: span ? Number(span[1]) : (approved?.year ?? null),
    periodEndYear: span ? Number(span[2]) : until ? Number(until[1]) : null,
  };
}

interface Classified {
  row: RawRow;
  kind: 'section' | 'item';
  number: string | null;
  ordinal: number | null;
  fields: Partial<Record<Role, string>>;
  footnotes: string[];
}

/**
 * Turns the rows of a roadmap table into sections and items. Column meaning comes from the header
 * when there is one (seeds 000, 003), else from the layout of seed 004 (row ordinal, numbered
 * measure, executors, deadline, problem, expected result).
 */
export function parseRoadmap(
  doc: RawDocument,
  isAgencyLine: (line: string) => boolean = () => false,
): ParsedRoadmap {
  const head = readTitle(doc.preamble);
  let roles: Role[] | null = null;
  const body: RawRow[] = [];
  for (let r = 0; r < doc.rows.length; r += 1) {
    const row = doc.rows[r]!;
    const header = headerRoles(row);
    if (header) {
      const under = doc.rows[r + 1];
      const merged = under && subHeader(row, under);
      if (merged) r += 1;
      roles ??= merged ? headerRoles(merged) : header;
      continue;
    }
    body.push(row);
  }
  roles ??= ['ordinal', 'numberedMeasure', 'executors', 'deadline', 'problem', 'result'];
  if (body.length === 0) {
    throw new RoadmapFileError(
      'ROADMAP_TABLE_NOT_FOUND',
      'В файле не найдена таблица мероприятий дорожной карты',
    );
  }

  const classified: Classified[] = [];
  for (const original of body) {
    const row = { ...original, cells: [...original.cells] };
    // Word leaves empty cells behind stray tabs (seed 004 item 4.3.7): drop them when they overflow.
    for (let i = row.cells.length - 1; row.cells.length > roles.length && i >= 1; i -= 1) {
      if (row.cells[i]!.trim() === '') row.cells.splice(i, 1);
    }
    if (row.cells.length > roles.length) {
      throw new RoadmapFileError(
        'ROADMAP_ROW_UNREADABLE',
        `Не удалось прочитать строку ${row.line}: ${row.cells.length} ячеек, а в таблице ${roles.length} столбцов`,
        row.line,
      );
    }
    const fields: Partial<Record<Role, string>> = {};
    const footnotes: string[] = [];
    row.cells.forEach((cell, i) => {
      const split = splitFootnotes(cell);
      footnotes.push(...split.footnotes);
      fields[roles![i]!] = split.text;
    });
    const filled = (r: Role) => stripMarkup(fields[r] ?? '') !== '';
    const others = roles.filter((r) => !['ordinal', 'number', 'numberedMeasure', 'measure'].includes(r));

    if (roles.includes('numberedMeasure')) {
      const { number, rest } = splitNumber(stripMarkup(fields.numberedMeasure ?? ''));
      const ordinal = /^\d{1,3}$/.test(oneLine(fields.ordinal ?? ''))
        ? Number(oneLine(fields.ordinal!))
        : null;
      fields.measure = rest;
      classified.push({
        row,
        kind: others.some(filled) ? 'item' : 'section',
        number,
        ordinal,
        fields,
        footnotes,
      });
      continue;
    }
    // A section spans the table: one cell in text, a merged cell (the others empty) in Word or Excel.
    if (row.cells.length === 1 || (row.cells.length > 2 && row.cells.slice(1).every((c) => !c.trim()))) {
      // Seed 003: a section is one cell, «1. Анализ ситуации …».
      const { number, rest } = splitNumber(stripMarkup(row.cells[0]!));
      if (!rest) continue;
      classified.push({ row, kind: 'section', number, ordinal: null, fields: { measure: rest }, footnotes });
      continue;
    }
    const numberText = oneLine(fields.number ?? '');
    const previous = classified.at(-1);
    if (!numberText && previous && original.afterPageBreak !== undefined) {
      // Seed 000: a row cut by a page break goes on after the repeated `1 2 3 4 5 6` header.
      for (const role of roles) {
        const more = stripMarkup(fields[role] ?? '');
        if (more) previous.fields[role] = `${stripMarkup(previous.fields[role] ?? '')} ${more}`.trim();
      }
      previous.footnotes.push(...footnotes);
      if (previous.kind === 'section' && others.some((r) => stripMarkup(previous.fields[r] ?? '')))
        previous.kind = 'item';
      continue;
    }
    const number = normalizeNumber(numberText);
    if (numberText && !number) {
      throw new RoadmapFileError(
        'ROADMAP_ROW_UNREADABLE',
        `Не удалось прочитать строку ${row.line}: номер «${numberText.slice(0, 20)}» не похож на номер пункта`,
        row.line,
      );
    }
    const ordinal = number && /^\d+$/.test(number) ? Number(number) : null;
    classified.push({
      row,
      kind: others.some(filled) ? 'item' : 'section',
      number,
      ordinal,
      fields,
      footnotes,
    });
  }

  const sections: ParsedSection[] = [];
  const items: ParsedItem[] = [];
  const warnings: string[] = [];
  const sectionByKey = new Map<string, ParsedSection>();
  const usedKeys = new Set<string>();
  let lastTop: number | null = null;
  let restartBase: string | null = null;
  let restartTop: number | null = null;
  let lastSection: ParsedSection | null = null;
  let position = 0;

  const uniqueKey = (key: string) => {
    let candidate = key;
    for (let n = 2; usedKeys.has(candidate); n += 1) candidate = `${key}~${n}`;
    usedKeys.add(candidate);
    return candidate;
  };

  for (const entry of classified) {
    position += 1;
    const { number } = entry;
    if (number) {
      const top = Number(number.split('.')[0]);
      if (restartBase !== null && restartTop !== null && top >= restartTop) restartBase = null;
      if (restartBase === null && lastTop !== null && top < lastTop && number.includes('.') && lastSection) {
        // Seed 004: numbering restarts at 2.1 inside section 4.4; those rows stay under 4.4.
        restartBase = lastSection.key;
        restartTop = lastTop;
      }
      if (restartBase === null) lastTop = top;
    }
    const prefix = restartBase ? `${restartBase}/` : '';
    const parentOf = (): ParsedSection | null => {
      if (number) {
        const parts = number.split('.');
        for (let n = parts.length - 1; n >= 1; n -= 1) {
          const found = sectionByKey.get(prefix + parts.slice(0, n).join('.'));
          if (found) return found;
        }
      }
      if (restartBase) return sectionByKey.get(restartBase) ?? null;
      return entry.kind === 'item' ? lastSection : null;
    };
    const parent = parentOf();
    const f = entry.fields;
    if (entry.kind === 'section') {
      const lines = stripMarkup(f.measure ?? '').split('\n');
      // Seed 004 writes the responsible ministry under some section titles.
      const agencyLines: string[] = [];
      while (lines.length > 1 && isAgencyLine(lines.at(-1)!)) agencyLines.unshift(lines.pop()!);
      const section: ParsedSection = {
        key: uniqueKey(prefix + (number ?? `s${position}`)),
        number,
        title: oneLine(lines.join(' ')),
        executorsText: agencyLines.length ? agencyLines.join('\n') : null,
        parentKey: parent?.key ?? null,
        level: parent ? parent.level + 1 : 1,
        position,
        line: entry.row.line,
      };
      sections.push(section);
      sectionByKey.set(section.key, section);
      lastSection = section;
      continue;
    }
    const measure = oneLine(f.measure ?? '');
    if (!measure) {
      throw new RoadmapFileError(
        'ROADMAP_ROW_UNREADABLE',
        `Не удалось прочитать строку ${entry.row.line}: у пункта нет наименования мероприятия`,
        entry.row.line,
      );
    }
    const deadlineText =
      f.deadlineStart !== undefined || f.deadlineEnd !== undefined
        ? [oneLine(f.deadlineStart ?? ''), oneLine(f.deadlineEnd ?? '')].filter(Boolean).join(' – ')
        : stripMarkup(f.deadline ?? '');
    const result = stripMarkup(f.result ?? '') || null;
    // seed 003 item 3.3: «Ежегодное предоставление отчета» over 01.01.2021 – 31.12.2024
    const deadline = annualWithin(parseDeadline(deadlineText), `${measure}\n${result ?? ''}`);
    const key = uniqueKey(
      prefix + (number ?? (entry.ordinal !== null ? `#${entry.ordinal}` : `p${position}`)),
    );
    if (deadline.text && deadline.terms.length === 0) {
      warnings.push(`Пункт ${number ?? key}: срок «${deadline.text}» не распознан, сохранён как текст`);
    }
    items.push({
      key,
      number,
      ordinal: entry.ordinal,
      sectionKey: parent?.key ?? null,
      position,
      line: entry.row.line,
      measure,
      executorsText: stripMarkup(f.executors ?? '') || null,
      documentType: oneLine(f.documentType ?? '') || null,
      problem: oneLine(f.problem ?? '') || null,
      expectedResult: result ? oneLine(result) : null,
      deadline,
      targets: extractTargets(result),
      footnotes: [...new Set(entry.footnotes)],
    });
  }
  return { ...head, sections, items, warnings };
}
