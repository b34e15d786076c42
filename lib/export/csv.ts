// The one CSV writer, for exports and for the files of the importer (templates, rejected rows):
// UTF-8 with a BOM (so Excel reads the encoding), CRLF line ends, every field quoted by csvField
// and every text neutralised by neutraliseFormula (lib/export/table.ts), whichever the delimiter.
import { csvField, neutraliseFormula, type ExportTable, type ExportValue, type ColumnKind } from './table';

export type CsvDelimiter = ',' | ';';

/** Lines of field texts (already neutralised where they are text) as one CSV document. */
function csvDocument(lines: readonly (readonly string[])[], delimiter: string): string {
  return `\uFEFF${lines.map((r) => r.map(csvField).join(delimiter)).join('\r\n')}\r\n`;
}

/** A cell as text: numbers with the decimal mark Excel expects next to the delimiter (';' → comma). */
function cell(value: ExportValue, kind: ColumnKind, delimiter: CsvDelimiter): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const n = kind === 'pct' ? Math.round(value * 1000) / 10 : kind === 'num' ? Math.round(value * 10) / 10 : value;
    const text = String(n);
    // A decimal comma is quoted like any comma: the file must read the same under either delimiter.
    return delimiter === ';' ? text.replace('.', ',') : text;
  }
  return neutraliseFormula(value);
}

/**
 * An export table as CSV; the title block as leading lines is left out: a CSV is data.
 * Percentages are written as numbers of percent.
 */
export function toCsv(table: ExportTable, delimiter: CsvDelimiter = ','): string {
  const header = table.columns.map((c) => neutraliseFormula(c.kind === 'pct' ? `${c.header} (%)` : c.header));
  const rows = table.totals ? [...table.rows, table.totals] : table.rows;
  return csvDocument([header, ...rows.map((row) => table.columns.map((c) => cell(row[c.key] ?? null, c.kind, delimiter)))], delimiter);
}

/** Rows of text (a template, rejected rows of an upload): every cell is text, so every cell is neutralised. */
export function writeCsv(headers: readonly string[], rows: readonly (readonly string[])[], delimiter = ','): string {
  return csvDocument([headers, ...rows].map((r) => r.map(neutraliseFormula)), delimiter);
}
