import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '@/lib/ingest/csv';
import { detectKind, matchHeaders, normaliseHeader } from '@/lib/ingest/headers';
import { ImportProblem } from '@/lib/ingest/reasons';
import { openTable } from '@/lib/ingest/table';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

async function* chunks(data: string | Uint8Array, size = 5): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(data: string | Uint8Array, size?: number) {
  const table = await openTable(chunks(data, size));
  const rows = [];
  for await (const row of table.rows) rows.push(row);
  return { format: table.format, headers: table.headers, rows };
}

async function problem(data: string | Uint8Array): Promise<ImportProblem> {
  const error = await read(data).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportProblem);
  return error as ImportProblem;
}

describe('CSV as spreadsheets save it', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n'],
    ['semicolon', 'a;b;c\n1;2;3\n'],
    ['tab', 'a\tb\tc\n1\t2\t3\n'],
    ['an Excel sep= line', 'sep=;\na;b;c\n1;2;3\n'],
  ])('detects the %s delimiter', async (_, text) => {
    expect(await read(text)).toEqual({ format: 'csv', headers: ['a', 'b', 'c'], rows: [{ line: 2, cells: ['1', '2', '3'] }] });
  });

  it('picks the delimiter outside quotes', () => {
    expect(detectDelimiter('"a,b";"c,d";e')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('strips the UTF-8 BOM and handles CRLF, quotes, doubled quotes and line breaks in a field', async () => {
    const text = '\ufeffnama;catatan\r\n"RT ""001""";"hujan; jalan\r\nbanjir"\r\n\r\nRT 002;ok\r\n';
    expect(await read(text, 3)).toEqual({
      format: 'csv',
      headers: ['nama', 'catatan'],
      rows: [
        { line: 2, cells: ['RT "001"', 'hujan; jalan\r\nbanjir'] },
        { line: 4, cells: ['RT 002', 'ok'] },
      ],
    });
  });

  it('reads UTF-16 "Unicode text" and falls back to the Windows code page for an ANSI save', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('nama\tkode\nSepinggan\t1\n', 'utf16le')]);
    expect((await read(utf16)).rows[0].cells).toEqual(['Sepinggan', '1']);
    const ansi = new Uint8Array([...Buffer.from('nama;kode\nJos'), 0xe9, ...Buffer.from(';1\n')]);
    expect((await read(ansi)).rows[0].cells).toEqual(['José', '1']);
  });

  it('refuses UTF-8 that turns invalid after the first chunk', async () => {
    const text = Buffer.concat([Buffer.from('a,b\n' + 'x,1\n'.repeat(20_000)), Buffer.from([0xc3, 0x28]), Buffer.from(',2\n')]);
    const p = await problem(text);
    expect(p.code).toBe('encoding');
  });

  it('refuses an unclosed quote with the line it starts on', async () => {
    const p = await problem('a,b\n1,"open\n2,3\n');
    expect(p.code).toBe('csv_syntax');
    expect(p.text('id')).toMatch(/^CSV tidak valid di baris \d+/);
  });

  it('refuses empty files, old .xls files and broken XLSX files clearly', async () => {
    expect((await problem('')).code).toBe('empty');
    expect((await problem('\n\n')).code).toBe('no_header');
    expect((await problem(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).code).toBe('xls');
    expect((await problem(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9]))).code).toBe('xlsx_zip_damaged');
  });
});

describe('XLSX written by exceljs', () => {
  it('reads date cells as dates, formula cells as their result and keeps number cells as numbers', async () => {
    const { format, headers, rows } = await read(readFileSync(path.join(fixtures, 'laporan-harian.xlsx')), 1000);
    expect(format).toBe('xlsx');
    expect(headers[1]).toBe('kode_subsls');
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0].cells[0]).toBeInstanceOf(Date);
    expect(rows[1].cells[1]).toBe(6471020002000300);
    expect(rows[2].cells[3]).toBe(25);
  });
});

describe('header matching', () => {
  it('ignores case, spaces, underscores and punctuation', () => {
    expect(['Kode SubSLS', 'kode_subsls', 'kodeSubsls', 'KODE-SUB-SLS', ' kode sub sls '].map(normaliseHeader)).toEqual(Array(5).fill('kodesubsls'));
  });

  it('knows the Indonesian names, the JSON names and English aliases', () => {
    const map = matchHeaders('reports', ['Date', 'Sub SLS Code', 'officer_code', 'Completed', 'Refused', 'Not met', 'tidakDitemukan', 'New families']);
    expect([...map.keys()]).toEqual(['tanggal', 'kode_subsls', 'kode_petugas', 'selesai', 'menolak', 'tidak_ditemui', 'tidak_ditemukan', 'keluarga_baru']);
  });

  it('names every missing, unknown and duplicate column in one message', () => {
    const error = (() => {
      try {
        matchHeaders('assignments', ['kode_subsls', 'Kode SubSLS', 'nama']);
      } catch (e) {
        return e as ImportProblem;
      }
    })();
    expect(error?.text('id')).toBe(
      'Judul kolom tidak sesuai untuk penugasan. Kolom wajib tidak ada: kode_petugas. Kolom tidak dikenal: nama. Kolom ganda: Kode SubSLS. Kolom yang diharapkan: kode_subsls, kode_petugas.',
    );
  });

  it('skips blank headers and the columns the rejected-rows download adds', () => {
    expect(matchHeaders('assignments', ['kode_subsls', '', 'kode_petugas', 'baris_asal', 'Alasan Penolakan']).size).toBe(2);
  });

  it('tells each kind from its headers', () => {
    expect(detectKind(['tanggal', 'kode_subsls', 'kode_petugas', 'selesai', 'menolak', 'tidak_ditemui', 'tidak_ditemukan', 'keluarga_baru'])).toBe('reports');
    expect(detectKind(['kode_wilayah', 'nama_wilayah', 'prelist'])).toBe('areas');
    expect(detectKind(['kode', 'nama', 'peran', 'kode_pengawas', 'kode_wilayah'])).toBe('officers');
    expect(detectKind(['kode_subsls', 'kode_petugas'])).toBe('assignments');
    expect(() => detectKind(['a', 'b'])).toThrow(ImportProblem);
  });
});
