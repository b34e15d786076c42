import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/export/csv';
import { neutraliseFormula, type ExportTable } from '@/lib/export/table';

const table: ExportTable = {
  name: 't',
  title: 'T',
  meta: [],
  columns: [
    { key: 'code', header: 'Kode', kind: 'code' },
    { key: 'name', header: 'Nama', kind: 'text' },
    { key: 'n', header: 'Selesai', kind: 'int' },
    { key: 'p', header: 'Progres', kind: 'pct' },
  ],
  rows: [
    { code: '6471020002000100', name: 'RT 001; "Blok A"', n: 1200, p: 0.5734 },
    { code: '6471020002000200', name: '=HYPERLINK("http://x")', n: 0, p: null },
  ],
  totals: { code: '6471020002', name: 'Jumlah', n: 1200, p: 0.5 },
};

describe('CSV export', () => {
  it('starts with a BOM, keeps 16-digit codes as text and writes CRLF lines', () => {
    const csv = toCsv(table, ',');
    expect(csv.startsWith('\uFEFFKode,Nama,Selesai,Progres (%)\r\n')).toBe(true);
    expect(csv).toContain('6471020002000100,RT 001; "Blok A",1200,57.3\r\n'.replace('RT 001; "Blok A"', '"RT 001; ""Blok A"""'));
    expect(csv.trimEnd().split('\r\n')).toHaveLength(4);
  });

  it('uses a decimal comma next to the semicolon delimiter, as Indonesian Excel expects', () => {
    const csv = toCsv(table, ';');
    expect(csv).toContain('6471020002000100;"RT 001; ""Blok A""";1200;57,3\r\n');
  });

  it('neutralises spreadsheet formulas (CSV injection)', () => {
    expect(toCsv(table)).toContain(`"'=HYPERLINK(""http://x"")"`);
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(neutraliseFormula(f).startsWith("'")).toBe(true);
    expect(neutraliseFormula('Sepinggan')).toBe('Sepinggan');
  });
});
