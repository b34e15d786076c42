import ExcelJS from 'exceljs';
import { neutraliseFormula, type ExportColumn, type ExportTable, type ExportValue } from './table';

const FORMATS: Partial<Record<ExportColumn['kind'], string>> = {
  int: '#,##0',
  num: '#,##0.0',
  pct: '0.0%',
  code: '@',
};

function value(v: ExportValue, col: ExportColumn): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  // A date column may carry words instead ("melewati 14 Nov (±9 hari)"): only ISO dates become dates.
  if (col.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  if (typeof v === 'string') return neutraliseFormula(v);
  return v;
}

/**
 * An XLSX workbook: a title block (area, as-of date, generated at), then a frozen header row
 * with filters; numbers stay numbers, percentages are formatted, codes are text cells.
 */
export async function toXlsx(tables: ExportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pantau';
  wb.created = new Date();
  for (const table of tables) addSheet(wb, table);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, table: ExportTable): void {
  const ws = wb.addWorksheet(table.name.slice(0, 31));
  ws.addRow([table.title]).font = { bold: true, size: 14 };
  for (const line of table.meta) ws.addRow([line]).font = { color: { argb: 'FF475569' } };
  ws.addRow([]);
  const headerRow = ws.addRow(table.columns.map((c) => c.header));
  headerRow.font = { bold: true };
  headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
  const first = headerRow.number + 1;
  const rows = table.totals ? [...table.rows, table.totals] : table.rows;
  for (const r of rows) ws.addRow(table.columns.map((c) => value(r[c.key] ?? null, c)));
  if (table.totals) ws.getRow(ws.rowCount).font = { bold: true };
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(c.width ?? 12, c.header.length + 2);
    const fmt = c.kind === 'date' ? 'd mmm yyyy' : FORMATS[c.kind];
    if (fmt) for (let r = first; r <= ws.rowCount; r++) ws.getCell(r, i + 1).numFmt = fmt;
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow.number }];
  ws.autoFilter = { from: { row: headerRow.number, column: 1 }, to: { row: headerRow.number, column: table.columns.length } };
}
