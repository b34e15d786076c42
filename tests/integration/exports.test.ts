import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { areaScope } from '@/lib/domain/scope';
import { seedDemo } from '@/lib/demo/seed';
import { buildAreaExport } from '@/lib/export/area-export';
import { buildKelurahanBundle } from '@/lib/export/bundle';
import { getAreaSummary, listAreaChildren } from '@/lib/queries/areas';
import { getCampaign } from '@/lib/queries/campaign';
import type { Viewer } from '@/lib/server/viewer';
import { databaseTargets } from './support';
import { dataOn } from '@/lib/server/data';

const viewerOf = (code: string): Viewer => ({ username: 'tester', role: 'admin', scope: areaScope(code), homeArea: code, officerCode: null });
const pdfText = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pantau-pdf-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe.each(databaseTargets())('exports on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 2 });
  });
  afterAll(() => database?.close());

  it('writes an XLSX whose cells read back equal to the query figures', async () => {
    const city = viewerOf('6471');
    const campaign = (await getCampaign(database.db, city.scope))!;
    const file = await buildAreaExport(dataOn(database.db, city), { code: '6471', format: 'xlsx', level: 'kelurahan', asOf: '2022-10-31', locale: 'id' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file!.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headerAt = [1, 2, 3, 4, 5, 6, 7].find((r) => (ws.getRow(r).values as unknown[]).includes('Kode BPS'))!;
    const header = ws.getRow(headerAt).values as unknown[];
    expect(ws.getRow(1).getCell(1).value).toBe('Progres Kelurahan — Kota Balikpapan');
    const kel = await listAreaChildren(database.db, city.scope, { code: '6471', level: 'kelurahan', asOf: '2022-10-31', window: campaign });
    expect(kel).toHaveLength(34);
    const col = (name: string) => header.indexOf(name);
    for (let i = 0; i < kel.length; i++) {
      const row = ws.getRow(headerAt + 1 + i);
      expect(row.getCell(col('Kode BPS')).value).toBe(kel[i].code);
      expect(row.getCell(col('Kode BPS')).numFmt).toBe('@');
      expect(row.getCell(col('Selesai')).value).toBe(kel[i].selesai);
      expect(row.getCell(col('Progres')).value).toBeCloseTo(kel[i].progres!, 10);
      expect(row.getCell(col('Progres')).numFmt).toBe('0.0%');
    }
    const kota = await getAreaSummary(database.db, city.scope, { code: '6471', asOf: '2022-10-31', window: campaign });
    expect(ws.getRow(headerAt + 1 + 34).getCell(col('Selesai')).value).toBe(kota!.selesai);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerAt });
  });

  it('writes a PDF daily report whose text holds the area name and totals', async () => {
    const file = await buildAreaExport(dataOn(database.db, viewerOf('6471')), { code: '6471', format: 'pdf', locale: 'id' });
    const text = pdfText(file!.body as Buffer);
    expect(text).toContain('Laporan Progres Harian — Kota Balikpapan — per 2 Nov 2022');
    expect(text).toContain('240.000');
    expect(text).toContain('Balikpapan Utara');
    expect(text).toMatch(/Halaman 1 dari \d/);
  });

  it('exports nothing of another area: a lurah gets only their kelurahan and 404 elsewhere', async () => {
    const lurah = viewerOf('6471020002');
    expect(await buildAreaExport(dataOn(database.db, lurah), { code: '6471020001', format: 'csv', locale: 'id' })).toBeNull();
    expect(await buildAreaExport(dataOn(database.db, lurah), { code: '6471', format: 'xlsx', locale: 'id' })).toBeNull();
    expect(await buildAreaExport(dataOn(database.db, viewerOf('6471')), { code: '9901', format: 'pdf', locale: 'id' })).toBeNull();
    const own = await buildAreaExport(dataOn(database.db, lurah), { code: '6471020002', format: 'csv', locale: 'id' });
    const lines = (own!.body as string).trim().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.startsWith('6471020002')).toBe(true);
  });

  it('zips one PDF per kelurahan of a kecamatan', async () => {
    const zip = await buildKelurahanBundle(dataOn(database.db, viewerOf('6471')), { code: '6471020', locale: 'id' });
    const files = Object.keys(unzipSync(new Uint8Array(zip!.body as Buffer)));
    expect(files.sort()).toEqual(['6471020001', '6471020002', '6471020003', '6471020004'].map((c) => `pantau-${c}-sls-2022-11-02.pdf`));
  });
});
