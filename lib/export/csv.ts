import { csvField, neutraliseFormula, type ExportTable, type ExportValue, type ColumnKind } from './table';

export type CsvDelimiter = ',' | ';';

/** A cell as text: numbers with the decimal mark Excel expects next to the delimiter (';' → comma). */
function cell(value: ExportValue, kind: ColumnKind, delimiter: CsvDelimiter): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const n = kind === 'pct' ? Math.round(value * 1000) / 10 : kind === 'num' ? Math.round(value * 10) / 10 : value;
    const text = String(n);
    // A decimal comma is quoted like any comma: the file must read the same under either delimiter.
    return csvField(delimiter === ';' ? text.replace('.', ',') : text);
  }
  return csvField(neutraliseFormula(value));
}

/**
 * CSV in UTF-8 with a BOM (so Excel reads the encoding), CRLF line ends, the title block as
 * leading lines is left out: a CSV is data. Percentages are written as numbers of percent.
 */
export function toCsv(table: ExportTable, delimiter: CsvDelimiter = ','): string {
  const header = table.columns.map((c) => csvField(neutraliseFormula(c.kind === 'pct' ? `${c.header} (%)` : c.header)));
  const lines = [header.join(delimiter)];
  const rows = table.totals ? [...table.rows, table.totals] : table.rows;
  for (const row of rows) lines.push(table.columns.map((c) => cell(row[c.key] ?? null, c.kind, delimiter)).join(delimiter));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
