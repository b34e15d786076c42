// The one table model every export format renders, so CSV, XLSX and PDF hold the same rows.

export type ColumnKind = 'code' | 'text' | 'int' | 'num' | 'pct' | 'date' | 'status';

export interface ExportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Approximate width in characters (XLSX column width, PDF proportion). */
  width?: number;
}

export type ExportValue = string | number | null;

export interface ExportTable {
  /** Report title, e.g. "Progres per kelurahan — Kota Balikpapan". */
  title: string;
  /** Lines under the title: area, as-of date, generated at/by. */
  meta: string[];
  columns: ExportColumn[];
  rows: Record<string, ExportValue>[];
  /** A totals row (the parent area's own figures, never re-summed ratios). */
  totals?: Record<string, ExportValue>;
  /** Sheet name / file stem. */
  name: string;
}

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with ' (CSV/formula injection). */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
