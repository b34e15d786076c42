// The one XLSX writer, for exports (toXlsx: a titled, formatted table) and for the files of the
// importer (writeXlsx: templates and rejected rows, code columns as Text so a file can be filled
// in, saved and uploaded again without losing digits).
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
  const wb = workbook();
  wb.created = new Date();
  for (const table of tables) addSheet(wb, table);
  return bytes(wb);
}

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pantau';
  return wb;
}

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
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

export interface SheetSpec {
  name: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns (0-based) held as text: every code column. */
  textColumns: ReadonlySet<number>;
  /** A second sheet explaining the columns. */
  guide?: { name: string; rows: readonly (readonly string[])[] };
}

/** A sheet of text rows under a frozen header (templates, rejected rows), with an optional guide sheet. */
export async function writeXlsx(spec: SheetSpec): Promise<Buffer> {
  const wb = workbook();
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.headers.map((h, i) => ({
    header: h,
    key: h,
    width: Math.max(12, h.length + 4),
    style: spec.textColumns.has(i) ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of spec.rows) {
    const added = ws.addRow([...row]);
    spec.textColumns.forEach((i) => (added.getCell(i + 1).numFmt = '@'));
  }
  if (spec.guide) {
    const guide = wb.addWorksheet(spec.guide.name);
    spec.guide.rows.forEach((r, i) => {
      const added = guide.addRow([...r]);
      if (i === 0) added.font = { bold: true };
    });
    guide.getColumn(1).width = 20;
    guide.getColumn(2).width = 10;
    guide.getColumn(3).width = 90;
  }
  return bytes(wb);
}
