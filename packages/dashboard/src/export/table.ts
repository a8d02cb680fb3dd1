/**
 * Records of a list as a table a person reads in Excel: Russian headers, names instead of ids,
 * dates as 31.12.2026, enum values in words. One mechanism for every list, so no list can export
 * `__typename`, a UUID or `IN_PROGRESS`. Pure (no React, no DOM): the unit test runs it as is.
 */
import { ruEnums } from '../i18n/enums';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export interface Table {
  headers: string[];
  rows: string[][];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ENUM_VALUE = /^[A-Z][A-Z0-9_]+$/;

/** Keys that are plumbing, never a reader's column. */
function internal(key: string): boolean {
  return (
    key === 'id' ||
    key === '__typename' ||
    key === 'version' ||
    key === 'cursor' ||
    /Ids?$/.test(key) ||
    key === 'downloadUrl' ||
    key === 'sha256'
  );
}

/** The name a person recognises for a nested record (an agency, a provider, a person). */
function nameOf(value: Record<string, unknown>): string | null {
  if (typeof value.lastName === 'string') {
    return [value.lastName, value.firstName, value.patronymic].filter(Boolean).join(' ');
  }
  for (const key of ['fullName', 'name', 'shortName', 'displayName', 'title', 'text', 'measure']) {
    if (typeof value[key] === 'string') {
      const number = typeof value.number === 'string' ? `${value.number} ` : '';
      return `${key === 'measure' ? number : ''}${value[key] as string}`;
    }
  }
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function readableDate(value: string): string {
  if (LOCAL_DATE.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  const date = new Date(value);
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * An enum value in words. `enumOf` names the enum where a column declares it; otherwise the first
 * enum of the graph that has this value (the same word is spelled alike in each of them).
 */
function enumWord(value: string, enumName: string | undefined): string {
  const enums = ruEnums as Record<string, Record<string, string>>;
  if (enumName && enums[enumName]?.[value]) return enums[enumName][value];
  for (const values of Object.values(enums)) {
    if (values[value]) return values[value];
  }
  return value;
}

export function readable(value: unknown, enumName?: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Да' : 'Нет';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return '';
    if (LOCAL_DATE.test(value) || INSTANT.test(value)) return readableDate(value);
    if (ENUM_VALUE.test(value)) return enumWord(value, enumName);
    return value;
  }
  if (Array.isArray(value)) {
    return value
      .map((v) => readable(v, enumName))
      .filter(Boolean)
      .join('; ');
  }
  if (typeof value === 'object') return nameOf(value as Record<string, unknown>) ?? '';
  return '';
}

export interface Column {
  source: string;
  label: string;
  enumName?: string;
  /** Overrides how the value reads (e.g. a person's name looked up elsewhere). */
  render?: (record: Record<string, unknown>) => string;
}

/**
 * The columns of a resource from its records: every field that is not plumbing and has a Russian
 * label (`resources.<resource>.fields.<field>`); a field nobody labelled is left out rather than
 * exported under its code name.
 */
export function columnsOf(
  resource: string,
  records: Record<string, unknown>[],
  translate: Translate,
): Column[] {
  const keys: string[] = [];
  for (const record of records) {
    for (const key of Object.keys(record)) if (!internal(key) && !keys.includes(key)) keys.push(key);
  }
  return keys.flatMap((key) => {
    const label = translate(`resources.${resource}.fields.${key}`, { _: '' });
    return label ? [{ source: key, label }] : [];
  });
}

function at(record: Record<string, unknown>, source: string): unknown {
  return source.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], record);
}

export function tableOf(records: Record<string, unknown>[], columns: Column[]): Table {
  return {
    headers: columns.map((c) => c.label),
    rows: records.map((r) =>
      columns.map((c) => (c.render ? c.render(r) : readable(at(r, c.source), c.enumName))),
    ),
  };
}

/**
 * CSV as Excel opens it in a Russian locale: UTF-8 with a byte-order mark (without it Excel reads
 * Cyrillic as cp1251) and `;` between fields (the list separator of ru-RU).
 */
export function csvOf(table: Table): string {
  const cell = (v: string) => (/[";\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${[table.headers, ...table.rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}
