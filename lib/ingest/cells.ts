// Turning one spreadsheet cell into a typed value, the way people's files really look: codes
// as text (never guessed back from a number), counts as plain integers, dates as YYYY-MM-DD,
// DD/MM/YYYY or Excel date cells.
import { OFFICER_CODE_PATTERN } from '@/lib/domain/area-code';
import { isIsoDate } from '@/lib/domain/dates';
import { restoreFormula } from '@/lib/export/table';
import type { Params, ReasonCode } from './reasons';

/** A cell as read: CSV gives strings; XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** One data row of an uploaded table, whichever its format (CSV or XLSX). */
export interface TableRow {
  /** Spreadsheet row number (1-based; the header is a row too). */
  line: number;
  cells: Cell[];
}

export type Read<T> = { ok: true; value: T } | { ok: false; code: ReasonCode; params?: Params };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(code: ReasonCode, params?: Params): Read<T> => ({ ok: false, code, params });

/** Largest count accepted: far above any sub-SLS, far below int4 overflow. */
export const MAX_COUNT = 100_000;
const DAY_MS = 86_400_000;
/** Excel's day 0 (its serial dates count from 1899-12-30, allowing for the 1900 leap-year bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

/**
 * The cell as the person typed it, for messages and for the rejected-rows download. The quote
 * that the download puts before text a spreadsheet would run as a formula ('=…, '+…, ' =…, '"@…)
 * is taken off again, so a corrected file reads back what was typed.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : dateFromTime(cell.getTime());
  return restoreFormula(String(cell)).trim();
}

function blank(cell: Cell): boolean {
  return cellText(cell) === '';
}

function dateFromTime(ms: number): string {
  // A second of slack: Excel stores midnight as a float that may land just before it.
  return new Date(Math.floor((ms + 1000) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Strips what spreadsheets put around text: a leading apostrophe, or the ="…" text guard. */
function unwrapText(text: string): string {
  const guarded = /^="(.*)"$/.exec(text);
  if (guarded) return guarded[1].trim();
  return text.startsWith("'") ? text.slice(1).trim() : text;
}

/**
 * A numeric code of one of the given lengths. A number cell is accepted only while it cannot
 * have lost a digit (at most 15 significant digits); scientific notation never.
 */
export function readDigits(cell: Cell, lengths: readonly number[]): Read<string> {
  const digits = lengths.join('/');
  if (blank(cell)) return fail('required');
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0) return fail('bad_code', { digits, value: String(cell) });
    if (cell >= 1e15) return fail('code_numeric_cell', { value: String(cell) });
    return checkDigits(String(cell), digits, lengths);
  }
  if (typeof cell !== 'string') return fail('bad_code', { digits, value: cellText(cell) });
  const text = unwrapText(cell.trim());
  if (SCIENTIFIC.test(text)) return fail('code_scientific', { value: text });
  return checkDigits(text, digits, lengths);
}

function checkDigits(text: string, digits: string, lengths: readonly number[]): Read<string> {
  return /^\d+$/.test(text) && lengths.includes(text.length) ? ok(text) : fail('bad_code', { digits, value: text });
}

/** An officer code: letters, digits, dot, underscore, hyphen; up to 32 characters. */
export function readOfficerCode(cell: Cell): Read<string> {
  if (blank(cell)) return fail('required');
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0) return fail('bad_officer_code', { value: String(cell) });
    if (cell >= 1e15) return fail('code_numeric_cell', { value: String(cell) });
    return ok(String(cell));
  }
  const text = unwrapText(cellText(cell));
  if (SCIENTIFIC.test(text)) return fail('code_scientific', { value: text });
  return OFFICER_CODE_PATTERN.test(text) ? ok(text) : fail('bad_officer_code', { value: text });
}

/** A count: a whole number from 0 to MAX_COUNT, written as digits only. */
export function readCount(cell: Cell): Read<number> {
  if (blank(cell)) return fail('required');
  if (typeof cell === 'number') return checkCount(cell, String(cell));
  const text = cellText(cell);
  if (/^-\d+$/.test(text)) return fail('negative');
  if (!/^\+?\d+$/.test(text)) return fail('not_integer', { value: text });
  return checkCount(Number(text), text);
}

function checkCount(n: number, text: string): Read<number> {
  if (!Number.isInteger(n)) return fail('not_integer', { value: text });
  if (n < 0) return fail('negative');
  if (n > MAX_COUNT) return fail('too_large', { max: MAX_COUNT });
  return ok(n);
}

/** A whole number that may be left blank (null). */
export function readOptionalCount(cell: Cell): Read<number | null> {
  return blank(cell) ? ok(null) : readCount(cell);
}

const DATE_PATTERNS: [RegExp, (m: RegExpExecArray) => [string, string, string]][] = [
  [/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/, (m) => [m[1], m[2], m[3]]],
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: 00:00(?::00)?)?$/, (m) => [m[3], m[2], m[1]]],
];

/** A local date: YYYY-MM-DD, DD/MM/YYYY (also with - or .), an Excel date cell or serial day. */
export function readDate(cell: Cell): Read<string> {
  if (blank(cell)) return fail('required');
  if (cell instanceof Date) return ok(dateFromTime(cell.getTime()));
  if (typeof cell === 'number') {
    // An unformatted date cell shows its serial day; 20000–80000 spans 1954–2119.
    if (Number.isInteger(cell) && cell >= 20_000 && cell <= 80_000) return ok(dateFromTime(EXCEL_EPOCH_MS + cell * DAY_MS));
    return fail('bad_date', { value: String(cell) });
  }
  const text = cellText(cell);
  for (const [pattern, parts] of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    return isIsoDate(iso) ? ok(iso) : fail('bad_date', { value: text });
  }
  return fail('bad_date', { value: text });
}

/** Free text, trimmed; blank gives null unless required. */
export function readText(cell: Cell, max: number, required: boolean): Read<string | null> {
  const text = cellText(cell);
  if (!text) return required ? fail('required') : ok(null);
  return text.length > max ? fail('too_long', { max }) : ok(text);
}
