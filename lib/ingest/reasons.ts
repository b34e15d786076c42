// Why a row or a whole file was refused: a stable code with its parameters, stored as such and
// put into words only when shown, so the same import reads in the reader's own language.
import en from '@/messages/en/ingest.json';
import id from '@/messages/id/ingest.json';
import type { Locale } from '@/lib/i18n/config';

export type ReasonCode = keyof typeof id.reasons;
export type ProblemCode = keyof typeof id.problems;
export type Params = Record<string, string | number>;

export interface FieldError {
  /** The field as the sender named it: snake_case column for files, camelCase key for JSON. */
  field: string;
  code: ReasonCode;
  params?: Params;
}

/** One refused row: where it was, what it held (as text), and every reason. */
export interface RowRejection {
  /** 0-based position among the data rows (the array index for JSON). */
  index: number;
  /** Spreadsheet row number (header = its own row), for files only. */
  line?: number;
  values: Record<string, string>;
  errors: FieldError[];
}

const CATALOGUE = { id, en } as const;

function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function reasonText(error: Pick<FieldError, 'code' | 'params' | 'field'>, locale: Locale): string {
  return fill(CATALOGUE[locale].reasons[error.code], { field: error.field, ...error.params });
}

export function problemText(code: ProblemCode, params: Params | undefined, locale: Locale): string {
  return fill(CATALOGUE[locale].problems[code], params);
}

export type ImportKind = 'reports' | 'areas' | 'officers' | 'assignments';

export function kindLabel(kind: ImportKind, locale: Locale): string {
  return CATALOGUE[locale].kinds[kind];
}

/**
 * A problem with the whole file or request (unreadable, wrong headers, too large): nothing of
 * it is written. Carries a code for the message and the HTTP error it maps to.
 */
export class ImportProblem extends Error {
  /** The import record that keeps this problem, once one was opened. */
  importId: number | null = null;

  constructor(
    readonly code: ProblemCode,
    readonly params: Params = {},
    readonly status: 'bad_request' | 'payload_too_large' | 'unprocessable' | 'not_found' | 'conflict' = 'unprocessable',
  ) {
    super(fill(en.problems[code], params));
  }

  text(locale: Locale): string {
    return problemMessage(this.code, this.params, locale);
  }
}

/** A file problem in words; the header problem lists each kind of mismatch that occurred. */
export function problemMessage(code: ProblemCode, params: Params, locale: Locale): string {
  if (code !== 'headers') return problemText(code, params, locale);
  const part = (key: 'headers_missing' | 'headers_unknown' | 'headers_duplicate', list: string | number | undefined) =>
    list ? problemText(key, { columns: list }, locale) : '';
  return problemText(
    'headers',
    {
      kind: kindLabel(params.kind as ImportKind, locale),
      missing: part('headers_missing', params.missing),
      unknown: part('headers_unknown', params.unknown),
      duplicate: part('headers_duplicate', params.duplicate),
      expected: params.expected,
    },
    locale,
  );
}

/** Flattens row rejections into one entry per reason, worded for the reader. */
export function describeRejections(rows: readonly RowRejection[], locale: Locale) {
  return rows.flatMap((r) =>
    r.errors.map((e) => ({
      index: r.index,
      ...(r.line === undefined ? {} : { line: r.line }),
      field: e.field,
      code: e.code,
      reason: reasonText(e, locale),
    })),
  );
}
