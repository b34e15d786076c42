// Writing the files people download: CSV (UTF-8 with BOM, CRLF) and XLSX whose code columns are
// formatted as Text, so a file can be filled in, saved and uploaded again without losing digits.
import ExcelJS from 'exceljs';
import { csvField, neutraliseFormula } from '@/lib/export/table';

/** Every cell neutralised (formula starts) and quoted as lib/export/table.ts says, whichever the delimiter. */
export function writeCsv(headers: readonly string[], rows: readonly (readonly string[])[], delimiter = ','): string {
  const lines = [headers, ...rows].map((r) => r.map((v) => csvField(neutraliseFormula(v))).join(delimiter));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
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

export async function writeXlsx(spec: SheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pantau';
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
  return Buffer.from(await wb.xlsx.writeBuffer());
}
