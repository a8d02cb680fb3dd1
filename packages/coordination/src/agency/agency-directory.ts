import { comparable, oneLine, stripMarkup, withinEdits } from '../text/clean.js';

export interface DirectoryEntry {
  id: string;
  name: string;
  abbreviations: string[];
}

export interface ExecutorRef {
  /** The name as the document writes it (markup and line breaks removed). */
  nameAsWritten: string;
  agencyId: string | null;
}

export interface Executors {
  responsible: ExecutorRef[];
  coExecutors: ExecutorRef[];
}

/** Words that begin the co-executors in seed 003 ("… во взаимодействии с ОМС НСО, КЦСОН"). */
const TOGETHER_WITH = /,?\s*во\s+взаимодействии(?:\s+с(?=\s|$))?/i;

/**
 * Resolves names and abbreviations as a roadmap cell writes them to the region's agencies.
 * Exact comparison first (case, quotes, spacing, ё ignored), then one typo allowed for names long
 * enough that one letter cannot make them another agency.
 */
export class AgencyDirectory {
  private readonly byKey = new Map<string, DirectoryEntry>();

  constructor(readonly entries: DirectoryEntry[]) {
    for (const entry of entries) {
      for (const spelling of [entry.name, ...entry.abbreviations])
        this.byKey.set(comparable(spelling), entry);
    }
  }

  resolve(text: string): DirectoryEntry | null {
    const key = comparable(text);
    if (!key) return null;
    const exact = this.byKey.get(key);
    if (exact) return exact;
    if (key.length < 12) return null;
    for (const [known, entry] of this.byKey) if (withinEdits(key, known, 1)) return entry;
    return null;
  }

  /**
   * Splits an executors cell into agencies. Commas and semicolons separate agencies except inside
   * quotes; a line break separates them only when each line is an agency of its own (seed 004),
   * never when it breaks a name («Минтруда\nи соцразвития НСО», seed 003).
   */
  splitExecutors(cell: string | null | undefined): Executors {
    const text = stripMarkup(cell ?? '');
    if (!text) return { responsible: [], coExecutors: [] };
    const together = TOGETHER_WITH.exec(text);
    const head = together ? text.slice(0, together.index) : text;
    const tail = together ? text.slice(together.index + together[0].length) : '';
    return { responsible: this.refs(head), coExecutors: this.refs(tail) };
  }

  private refs(part: string): ExecutorRef[] {
    return splitOutsideQuotes(part).flatMap((segment): ExecutorRef[] => {
      const whole = this.resolve(segment);
      if (whole) return [{ nameAsWritten: oneLine(segment), agencyId: whole.id }];
      const lines = segment
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length > 1 && lines.every((line) => this.resolve(line))) {
        return lines.map((line) => ({ nameAsWritten: oneLine(line), agencyId: this.resolve(line)!.id }));
      }
      return [{ nameAsWritten: oneLine(segment), agencyId: null }];
    });
  }
}

function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '«') depth += 1;
    if (ch === '»') depth = Math.max(0, depth - 1);
    // An unclosed quote («Ассоциация «Интеграция» ОООИ) must not swallow the rest of the cell.
    if ((ch === ',' || ch === ';') && (depth === 0 || current.length > 200)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.replace(/^[\s.]+|[\s.]+$/g, '')).filter((p) => p.length > 0);
}
