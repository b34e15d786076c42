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

/**
 * Text a spreadsheet may run as a formula: one starting with =, +, -, @, tab or CR, also behind
 * leading spaces or quotes, which some spreadsheets drop before looking (OWASP, CSV injection).
 */
export const FORMULA_START = /^[\s"']*[=+\-@\t\r]/;

/**
 * A formula start right after a delimiter or a line break inside the text: where a cell begins
 * when the file is read with the other delimiter (a semicolon-locale spreadsheet opening a comma
 * CSV splits `6471;=1+2` in two, quoted or not, as soon as a field precedes it on the line).
 */
const INNER_FORMULA = /([,;\t\r\n][\s"']*)(?=[=+\-@])/g;

/**
 * Text a spreadsheet would run as a formula gets a ' in front: of the whole text, and of every
 * formula start after a delimiter or line break inside it. `restoreFormula` takes them off again.
 */
export function neutraliseFormula(value: string): string {
  const inner = value.replace(INNER_FORMULA, "$1'");
  return FORMULA_START.test(value) ? `'${inner}` : inner;
}

/** The text neutraliseFormula was given (what an upload of a downloaded file reads back). */
export function restoreFormula(text: string): string {
  const outer = text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
  return outer.replace(/([,;\t\r\n][\s"']*)'(?=[=+\-@])/g, '$1');
}

/**
 * One CSV field, the same for a comma and a semicolon file: quoted when it holds either
 * delimiter, a tab, a quote or a line break, so a file opened with the other delimiter (a
 * spreadsheet's locale decides) still sees one cell, and no cell starts in mid-field.
 */
export function csvField(text: string): string {
  return /[,;\t"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
