// The rejected rows of an import as a file to fix and upload again: the original values under
// the template's headers, plus the row they came from and why they were refused (both columns
// are ignored when the file comes back).
import { writeCsv } from '@/lib/export/csv';
import { writeXlsx } from '@/lib/export/xlsx';
import type { Locale } from '@/lib/i18n/config';
import { COLUMNS, IGNORED_COLUMNS } from './columns';
import { reasonText, type ImportKind, type RowRejection } from './reasons';

function table(kind: ImportKind, rejections: readonly RowRejection[], locale: Locale) {
  const columns = COLUMNS[kind];
  const headers = [...columns.map((c) => c.key), ...IGNORED_COLUMNS];
  const rows = rejections.map((r) => [
    // JSON submissions keep their camelCase keys; files keep the column names.
    ...columns.map((c) => r.values[c.key] ?? (c.json ? r.values[c.json] : undefined) ?? ''),
    r.line === undefined ? String(r.index) : String(r.line),
    r.errors.map((e) => reasonText(e, locale)).join(' '),
  ]);
  return { headers, rows, textColumns: new Set(columns.flatMap((c, i) => (c.text ? [i] : []))) };
}

/** Rejected values are whatever was sent: text a spreadsheet would run as a formula gets a leading quote (read back off on upload). */
export function rejectionsCsv(kind: ImportKind, rejections: readonly RowRejection[], locale: Locale, delimiter = ','): string {
  const t = table(kind, rejections, locale);
  return writeCsv(t.headers, t.rows, delimiter);
}

export function rejectionsXlsx(kind: ImportKind, rejections: readonly RowRejection[], locale: Locale): Promise<Buffer> {
  return writeXlsx({ name: kind, ...table(kind, rejections, locale) });
}
