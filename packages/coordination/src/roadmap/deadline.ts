import { addYears, format, lastDayOfMonth } from 'date-fns';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { oneLine } from '../text/clean.js';

export enum DeadlineKind {
  /** «31 декабря 2024 года», «01.01.2025» */
  DATE = 'DATE',
  /** start and end columns (seed 003) or «с … по …» */
  RANGE = 'RANGE',
  /** «2021 апрель» (seed 004): due by the end of the month */
  MONTH = 'MONTH',
  /** «2025 год»: due by the end of the year */
  YEAR = 'YEAR',
  /** «ежегодно», «ежегодно с 01 марта 2026 года», «ежегодно к 01 октября года, следующего за отчетным» */
  ANNUAL = 'ANNUAL',
}
registerEnumType(DeadlineKind, {
  name: 'RoadmapDeadlineKind',
  description: 'The shape of a roadmap deadline as written in the document',
});

/** One shape of a deadline cell; a cell may hold several (seed 004: «2021 ноябрь 2022 ноябрь»). */
@ObjectType({ description: 'One term of a deadline as the document states it' })
export class DeadlineTerm {
  @Field(() => DeadlineKind)
  kind!: DeadlineKind;

  @Field(() => String, { nullable: true, description: 'DATE: the date; RANGE: its end' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'RANGE: its start; ANNUAL «с …»: the first date' })
  start?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'MONTH: 1–12' })
  month?: number | null;

  @Field(() => Int, { nullable: true, description: 'ANNUAL: first (reporting) year, when stated' })
  firstYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'ANNUAL: last (reporting) year, when stated' })
  lastYear?: number | null;

  @Field(() => String, { nullable: true, description: 'ANNUAL: day each year is due, MM-DD' })
  dueDay?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'ANNUAL: 1 when due in the year after the reporting year («года, следующего за отчетным»)',
  })
  yearOffset?: number | null;
}

export interface ParsedDeadline {
  text: string;
  terms: DeadlineTerm[];
}

const MONTHS: Record<string, number> = {
  январ: 1,
  феврал: 2,
  март: 3,
  апрел: 4,
  ма: 5,
  июн: 6,
  июл: 7,
  август: 8,
  сентябр: 9,
  октябр: 10,
  ноябр: 11,
  декабр: 12,
};
const MONTH_WORD =
  '(?<![а-яё])(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])';

function monthNumber(word: string): number {
  const w = word.toLowerCase();
  const stem = Object.keys(MONTHS)
    .sort((a, b) => b.length - a.length)
    .find((s) => w.startsWith(s));
  return MONTHS[stem!]!;
}

const iso = (year: number, month: number, day: number) =>
  format(new Date(year, month - 1, day), 'yyyy-MM-dd');
const pad = (n: number) => String(n).padStart(2, '0');

interface DateHit {
  index: number;
  end: number;
  date: string;
  year: number;
  month: number;
  day: number;
}

function findDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  const words = new RegExp(`(?<!\\d)(\\d{1,2})\\s+${MONTH_WORD}\\s+(\\d{4})`, 'gi');
  for (const m of text.matchAll(words)) {
    const [day, month, year] = [Number(m[1]), monthNumber(m[2]!), Number(m[3])];
    hits.push({ index: m.index, end: m.index + m[0].length, date: iso(year, month, day), year, month, day });
  }
  for (const m of text.matchAll(/(?<!\d)(\d{2})\.(\d{2})\.(\d{4})/g)) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    hits.push({ index: m.index, end: m.index + m[0].length, date: iso(year, month, day), year, month, day });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Parses every deadline shape of the seeds; the original text is always kept. */
export function parseDeadline(raw: string | null | undefined): ParsedDeadline {
  const text = oneLine(raw ?? '');
  const lower = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[‐‑‒–—−]/g, '-');
  const terms: DeadlineTerm[] = [];
  if (!lower) return { text, terms };

  if (/ежегодн/.test(lower)) {
    // «В период 2024 – 2025 годов ежегодно к 01 октября года, следующего за отчетным» (seed 000 item 18)
    const reporting = new RegExp(
      `(?:(\\d{4})\\s*-\\s*(\\d{4})\\s*год[а-я]*\\s*)?ежегодно\\s+(?:к|до)\\s+(\\d{1,2})\\s+${MONTH_WORD}\\s+года,?\\s+следующего\\s+за\\s+отчетным`,
    ).exec(lower);
    if (reporting) {
      const month = monthNumber(reporting[4]!);
      terms.push({
        kind: DeadlineKind.ANNUAL,
        firstYear: reporting[1] ? Number(reporting[1]) : null,
        lastYear: reporting[2] ? Number(reporting[2]) : null,
        dueDay: `${pad(month)}-${pad(Number(reporting[3]))}`,
        yearOffset: 1,
      });
      return { text, terms };
    }
    const dates = findDates(lower);
    const from = /ежегодно\s+с\s+/.exec(lower);
    if (from && dates[0] && dates[0].index >= from.index) {
      // «Ежегодно с 01 марта 2026 года» (seed 000 item 16)
      const d = dates[0];
      terms.push({
        kind: DeadlineKind.ANNUAL,
        start: d.date,
        firstYear: d.year,
        dueDay: `${pad(d.month)}-${pad(d.day)}`,
        yearOffset: 0,
      });
      return { text, terms };
    }
    if (dates[0] && /далее\s*-?\s*ежегодно/.test(lower)) {
      // «31 декабря 2024 года, далее – ежегодно» (seed 000 item 10): the date, then every year on it
      const d = dates[0];
      terms.push({ kind: DeadlineKind.DATE, date: d.date, year: d.year });
      terms.push({
        kind: DeadlineKind.ANNUAL,
        firstYear: d.year + 1,
        dueDay: `${pad(d.month)}-${pad(d.day)}`,
        yearOffset: 0,
      });
      return { text, terms };
    }
    terms.push({ kind: DeadlineKind.ANNUAL, dueDay: '12-31', yearOffset: 0 });
    return { text, terms };
  }

  const dates = findDates(lower);
  if (dates.length === 2) {
    const [a, b] = dates as [DateHit, DateHit];
    terms.push({ kind: DeadlineKind.RANGE, start: a.date, date: b.date, year: b.year });
    return { text, terms };
  }
  if (dates.length > 0) {
    for (const d of dates) terms.push({ kind: DeadlineKind.DATE, date: d.date, year: d.year });
    return { text, terms };
  }

  // Seed 004: years and month names, in either order, one or several pairs.
  const tokens = [...lower.matchAll(new RegExp(`(\\d{4})|${MONTH_WORD}`, 'g'))].map((m) =>
    m[1] ? { year: Number(m[1]) } : { month: monthNumber(m[2]!) },
  );
  const monthFirst = tokens[0] && 'month' in tokens[0];
  let pendingYear: number | null = null;
  let pendingMonth: number | null = null;
  for (const token of tokens) {
    if ('year' in token && token.year !== undefined) {
      if (monthFirst && pendingMonth !== null) {
        terms.push({ kind: DeadlineKind.MONTH, year: token.year, month: pendingMonth });
        pendingMonth = null;
      } else {
        if (pendingYear !== null) terms.push({ kind: DeadlineKind.YEAR, year: pendingYear });
        pendingYear = token.year;
      }
    } else if ('month' in token && token.month !== undefined) {
      if (!monthFirst && pendingYear !== null) {
        terms.push({ kind: DeadlineKind.MONTH, year: pendingYear, month: token.month });
        pendingYear = null;
      } else {
        pendingMonth = token.month;
      }
    }
  }
  if (pendingYear !== null) terms.push({ kind: DeadlineKind.YEAR, year: pendingYear });
  return { text, terms };
}

export interface Period {
  /** Unique within an item: the obligation is updated in place by it on re-import. */
  key: string;
  label: string;
  startDate: string | null;
  dueDate: string;
}

export interface ExpansionWindow {
  /** First and last year of the roadmap's period, when the document states them. */
  firstYear: number | null;
  lastYear: number | null;
}

/** Recurring deadlines without an end stop here (years after the first one). */
export const ANNUAL_HORIZON_YEARS = 5;

/** One obligation per period: a date, a range's end, a month's last day, each year of an annual term. */
export function expandDeadline(deadline: ParsedDeadline, window: ExpansionWindow): Period[] {
  const periods: Period[] = [];
  for (const term of deadline.terms) {
    switch (term.kind) {
      case DeadlineKind.DATE:
        periods.push({ key: term.date!, label: term.date!, startDate: null, dueDate: term.date! });
        break;
      case DeadlineKind.RANGE:
        periods.push({
          key: `${term.start}..${term.date}`,
          label: `${term.start} – ${term.date}`,
          startDate: term.start ?? null,
          dueDate: term.date!,
        });
        break;
      case DeadlineKind.MONTH: {
        const due = format(lastDayOfMonth(new Date(term.year!, term.month! - 1, 1)), 'yyyy-MM-dd');
        const key = `${term.year}-${pad(term.month!)}`;
        periods.push({ key, label: key, startDate: null, dueDate: due });
        break;
      }
      case DeadlineKind.YEAR:
        periods.push({
          key: String(term.year),
          label: String(term.year),
          startDate: null,
          dueDate: `${term.year}-12-31`,
        });
        break;
      case DeadlineKind.ANNUAL: {
        const first = term.firstYear ?? window.firstYear ?? window.lastYear;
        if (first === null || first === undefined) break;
        const last = term.lastYear ?? Math.max(window.lastYear ?? first, first);
        const end = Math.min(last, first + ANNUAL_HORIZON_YEARS);
        const [mm, dd] = (term.dueDay ?? '12-31').split('-').map(Number) as [number, number];
        for (let year = first; year <= end; year += 1) {
          const due = format(addYears(new Date(year, mm - 1, dd), term.yearOffset ?? 0), 'yyyy-MM-dd');
          periods.push({ key: `Y${year}`, label: `${year} год`, startDate: null, dueDate: due });
        }
        break;
      }
    }
  }
  return [...new Map(periods.map((p) => [p.key, p] as const)).values()];
}

/**
 * A recurring duty stated in the measure or its result within a span of dates («Ежегодное
 * предоставление отчета», seed 003 item 3.3, 01.01.2021 – 31.12.2024): one period per year of the
 * span, each due on the span's closing day, instead of one period for the whole span.
 */
export function annualWithin(deadline: ParsedDeadline, statement: string): ParsedDeadline {
  const [only] = deadline.terms;
  if (deadline.terms.length !== 1 || only?.kind !== DeadlineKind.RANGE || !only.start || !only.date)
    return deadline;
  if (!/(?<![а-яё])ежегодн/i.test(statement)) return deadline;
  const first = Number(only.start.slice(0, 4));
  const last = Number(only.date.slice(0, 4));
  return {
    text: deadline.text,
    terms: [
      {
        kind: DeadlineKind.ANNUAL,
        start: only.start,
        date: only.date,
        firstYear: first,
        lastYear: last,
        dueDay: only.date.slice(5),
        yearOffset: 0,
      },
    ],
  };
}
