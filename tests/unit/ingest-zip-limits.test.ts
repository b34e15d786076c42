import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportProblem } from '@/lib/ingest/reasons';
import { xlsxRows } from '@/lib/ingest/xlsx';
import { checkZipLimits } from '@/lib/ingest/zip-limits';
import { MB, zipBomb } from '../support/zip-bomb';

/** The central directory entry of `name`: its declared uncompressed size rewritten (a lying archive). */
function lieAboutSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const view = new DataView(out.buffer);
  const needle = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    if (needle.every((b, k) => out[i + 46 + k] === b)) view.setUint32(i + 24, size, true);
  }
  return out;
}

function refusal(run: () => void): ImportProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportProblem) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('XLSX zip-bomb guard', () => {
  it('refuses an entry that declares more than 100 MB before inflating any of it (413, naming the entry)', () => {
    const bomb = zipBomb(300);
    expect(bomb.length).toBeLessThan(2 * MB);
    const started = performance.now();
    const problem = refusal(() => checkZipLimits(bomb));
    expect(performance.now() - started).toBeLessThan(200);
    expect(problem.status).toBe('payload_too_large');
    expect(problem.code).toBe('xlsx_inflated_too_large');
    expect(problem.text('id')).toContain('xl/sharedStrings.xml');
    expect(problem.text('en')).toMatch(/too large once unpacked.*xl\/sharedStrings\.xml.*at most 100 MB/);
  });

  it('refuses a directory that lies about the size, by counting what inflates, with memory under 100 MB', () => {
    const lying = lieAboutSize(zipBomb(300), 'xl/sharedStrings.xml', 1000);
    const before = process.memoryUsage();
    const started = performance.now();
    const problem = refusal(() => checkZipLimits(lying));
    const after = process.memoryUsage();
    expect(problem.code).toBe('xlsx_inflated_too_large');
    expect(problem.status).toBe('payload_too_large');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)).toBeLessThan(100 * MB);
  });

  it('refuses an entry that inflates far more than any workbook does (ratio), even under the size limit', () => {
    const problem = refusal(() => checkZipLimits(zipBomb(20)));
    expect(problem.code).toBe('xlsx_ratio');
    expect(problem.status).toBe('payload_too_large');
    expect(problem.text('id')).toMatch(/xl\/sharedStrings\.xml mengembang \d+× .*paling banyak 200×/);
  });

  it('reads an ordinary workbook, and xlsxRows refuses the bomb before exceljs parses it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('wilayah');
    ws.addRow(['kode_wilayah', 'nama_wilayah', 'prelist']);
    for (let i = 0; i < 2000; i++) ws.addRow([`647102000200${String(i).padStart(4, '0')}`, `RT ${i}`, 250]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(() => checkZipLimits(bytes)).not.toThrow();
    const rows: unknown[] = [];
    for await (const row of xlsxRows((async function* () { yield bytes; })())) rows.push(row);
    expect(rows).toHaveLength(2001);

    const bomb = zipBomb(300);
    const read = (async () => {
      for await (const row of xlsxRows((async function* () { yield bomb; })())) void row;
    })();
    await expect(read).rejects.toMatchObject({ code: 'xlsx_inflated_too_large', status: 'payload_too_large' });
  });
});
