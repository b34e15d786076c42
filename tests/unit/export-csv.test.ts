import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, writeCsv, type CsvDelimiter } from '@/lib/export/csv';
import { csvField, neutraliseFormula, restoreFormula, type ExportTable } from '@/lib/export/table';
import { cellText } from '@/lib/ingest/cells';
import { rejectionsCsv } from '@/lib/ingest/rejections-file';

/** Cells as a spreadsheet reads a CSV with `delimiter` (RFC 4180 quoting, CRLF or LF rows). */
function parseCsv(text: string, delimiter: CsvDelimiter): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r' || body[i + 1] !== '\n') cell += ch;
  }
  if (cell !== '' || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** What a spreadsheet would run as a formula: after dropping leading spaces and quotes, one of = + - @. */
const runsAsFormula = (cell: string) => /^[\s"]*[=+\-@]/.test(cell);

const DELIMITERS: CsvDelimiter[] = [',', ';'];
/** Hostile text: mostly characters that matter to CSV and formulas. */
const hostile = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', ',', ';', '\t', '\r', '\n', '"', "'", ' ', 'a', '1', 'H'), maxLength: 12 });

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
    // The decimal comma is quoted: the same file read with a comma delimiter keeps one cell.
    expect(csv).toContain('6471020002000100;"RT 001; ""Blok A""";1200;"57,3"\r\n');
  });

  it('neutralises spreadsheet formulas (CSV injection)', () => {
    expect(toCsv(table)).toContain(`"'=HYPERLINK(""http://x"")"`);
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(neutraliseFormula(f).startsWith("'")).toBe(true);
    expect(neutraliseFormula('Sepinggan')).toBe('Sepinggan');
    // Behind leading spaces or quotes, which some spreadsheets drop before looking (OWASP).
    for (const f of [' =1+1', '  @SUM(A1)', '"=1+1', "'=1+1", ' "+1']) expect(neutraliseFormula(f), JSON.stringify(f)).toBe(`'${f}`);
    expect(neutraliseFormula('6471 =1')).toBe('6471 =1');
    // After a delimiter or line break inside the text: where a cell starts under the other delimiter.
    expect(neutraliseFormula('6471;=1+2;')).toBe("6471;'=1+2;");
    expect(neutraliseFormula('a, "-1\n@x')).toBe(`a, "'-1\n'@x`);
    for (const f of ['6471;=1+2;', "'=1", ";'=", ' =1', 'a,\t+b', 'Sepinggan']) expect(restoreFormula(neutraliseFormula(f)), JSON.stringify(f)).toBe(f);
  });

  it('quotes a field holding either delimiter, a tab, a quote or a line break, whichever delimiter the file uses', () => {
    for (const f of ['a,b', 'a;b', 'a\tb', 'a"b', 'a\nb', 'a\rb']) expect(csvField(f), JSON.stringify(f)).toMatch(/^".*"$/s);
    expect(csvField('Sepinggan')).toBe('Sepinggan');
    // The reproduction: a code followed by ";=1+2;" in a comma CSV, opened by a semicolon-locale spreadsheet.
    const hostileTable: ExportTable = { ...table, rows: [{ code: '6471020002000100;=1+2;', name: 'x', n: 1, p: 0.1 }], totals: undefined };
    for (const written of DELIMITERS) {
      for (const read of DELIMITERS) {
        const cells = parseCsv(toCsv(hostileTable, written), read).flat();
        expect(cells.filter(runsAsFormula), `written with ${written}, read with ${read}`).toEqual([]);
      }
    }
  });

  it('no cell of an export runs as a formula, read with either delimiter (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 4 }), fc.constantFrom(...DELIMITERS), fc.constantFrom(...DELIMITERS), (rows, written, read) => {
        const t: ExportTable = { ...table, totals: undefined, rows: rows.map(([code, name], i) => ({ code, name, n: i, p: i / 7 })) };
        const csv = toCsv(t, written);
        expect(parseCsv(csv, read).flat().filter(runsAsFormula)).toEqual([]);
        // Read with the delimiter it was written with, every row has every column and the text survives.
        const back = parseCsv(csv, written);
        expect(back.every((r) => r.length === t.columns.length)).toBe(true);
        expect(back.slice(1).map((r) => [r[0], r[1]])).toEqual(rows.map(([code, name]) => [neutraliseFormula(code), neutraliseFormula(name)]));
      }),
      { numRuns: 300 },
    );
  });

  it('the rejected-rows CSV neutralises every cell, and an upload reads the typed text back (property)', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.constantFrom(...DELIMITERS), fc.constantFrom(...DELIMITERS), (a, b, written, read) => {
        const csv = writeCsv(['x', 'y'], [[a, b]], written);
        expect(parseCsv(csv, read).flat().filter(runsAsFormula)).toEqual([]);
        const [, row] = parseCsv(csv, written);
        expect(row.map(cellText)).toEqual([a.trim(), b.trim()]);
      }),
      { numRuns: 300 },
    );
    const csv = rejectionsCsv('reports', [{ index: 0, values: { kode_subsls: '6471;=1+2;', selesai: ' @SUM(A1)' }, errors: [] }], 'id', ',');
    expect(parseCsv(csv, ';').flat().filter(runsAsFormula)).toEqual([]);
  });
});
