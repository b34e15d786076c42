import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxRows } from '@/lib/ingest/xlsx';

// Found by tests/integration/hostile-input.test.ts: an XLSX upload whose body failed mid-file (a
// multipart without its closing boundary) left the request unanswered for good.
describe('xlsxRows on a body that fails mid-file', () => {
  it('throws the body’s own problem instead of waiting forever', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('wilayah').addRow(['kode_wilayah', 'nama_wilayah', 'prelist']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    for (const cut of [bytes.length, Math.floor(bytes.length / 2), 10]) {
      async function* body() {
        yield bytes.slice(0, cut);
        throw new Error('incomplete upload');
      }
      const read = (async () => {
        for await (const row of xlsxRows(body())) void row;
      })();
      await expect(read, `cut at ${cut}`).rejects.toThrow('incomplete upload');
    }
  });
});
