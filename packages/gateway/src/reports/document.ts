/**
 * A report as a secretary reads it, independent of its file: a title, the lines under it and
 * sections of paragraphs and tables. Each report is written once as a `ReportDocument`; the
 * renderers (render-xlsx, render-docx, render-pdf) give the same content as XLSX, DOCX and PDF.
 */
export type Cell = string | number | null;

export interface ReportTable {
  header: string[];
  rows: Cell[][];
  /** Relative column widths (PDF, XLSX); equal when not given. */
  widths?: number[];
}

export interface ReportSection {
  heading: string;
  /** Starts a new sheet of this name in a workbook (at most 31 characters); else the sheet goes on. */
  sheet?: string;
  paragraphs?: string[];
  table?: ReportTable;
}

export interface ReportDocument {
  title: string;
  /** Under the title: the period, the date, the region. */
  subtitle: string[];
  sections: ReportSection[];
  /** Wide tables: pages in landscape. */
  landscape?: boolean;
}

export const cellText = (value: Cell): string => (value === null ? '—' : String(value));
