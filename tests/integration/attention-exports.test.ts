// Issue #14 §3 and §5: the "Perlu perhatian" query and the officer / belum-lapor / SLS exports,
// each within the viewer's scope.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { mostBehind } from '@/lib/domain/attention';
import { areaScope, type Scope } from '@/lib/domain/scope';
import { buildAreaExport } from '@/lib/export/area-export';
import { buildOfficerExport } from '@/lib/export/officer-export';
import { listAreaOfficers } from '@/lib/queries/area-officers';
import { listAreaChildren } from '@/lib/queries/areas';
import { getAttention, listSilentInArea } from '@/lib/queries/attention';
import { getCampaign, type Campaign } from '@/lib/queries/campaign';
import { listRootOptions } from '@/lib/queries/root-options';
import { listOfficers, listSilentOfficers } from '@/lib/queries/officers';
import type { Viewer } from '@/lib/server/viewer';
import { databaseTargets } from './support';
import { dataOn } from '@/lib/server/data';

const AS_OF = '2022-11-02';
const KEL = '6471020002';
const SIBLING = '6471020001';
const viewerOf = (scope: Scope, role: Viewer['role'] = 'admin'): Viewer => ({ username: 'tester', role, scope, homeArea: scope.kind === 'area' ? scope.areaCode : null, officerCode: null });
/** The officer codes in the first column of a CSV export (header and BOM dropped). */
const csvCodes = (body: string) => body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(',')[0]);
const pdfText = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pantau-pdf-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe.each(databaseTargets())('attention and officer exports on $name', (target) => {
  let database: Database;
  let campaign: Campaign;
  const city = areaScope('6471');
  const lurah = areaScope(KEL);

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    campaign = (await getCampaign(database.db, city))!;
  });
  afterAll(() => database?.close());

  it('lists the children most behind, macet first then by days late, with who works them', async () => {
    const got = (await getAttention(database.db, city, { code: '6471020', asOf: AS_OF, window: campaign }))!;
    const children = await listAreaChildren(database.db, city, { code: '6471020', asOf: AS_OF, window: campaign });
    expect(got.areas.map((a) => a.code)).toEqual(mostBehind(children, campaign.endDate, 3).map((a) => a.code));
    const sls = (await getAttention(database.db, city, { code: KEL, asOf: AS_OF, window: campaign }))!;
    expect(sls.areas.length).toBeGreaterThan(0);
    const holders = await listAreaOfficers(database.db, city, { code: KEL, level: 'sls' });
    for (const a of sls.areas) {
      expect(['macet', 'tertinggal']).toContain(a.status);
      expect(a.ppl.map((o) => o.code)).toEqual(holders.get(a.code)!.ppl.map((o) => o.code));
      expect(a.pml.length).toBeGreaterThan(0);
    }
    // Most behind first: the days late never grow down the list within one status.
    const late = sls.areas.filter((a) => a.status === 'tertinggal').map((a) => a.daysLate ?? Number.POSITIVE_INFINITY);
    expect(late).toEqual([...late].sort((a, b) => b - a));
  });

  it('counts belum lapor as the PPL working in the area with no report dated the as-of day', async () => {
    const kota = (await getAttention(database.db, city, { code: '6471', asOf: AS_OF, window: campaign }))!;
    expect(kota.silentCount).toBe((await listSilentOfficers(database.db, city, { asOf: AS_OF, window: campaign })).length);
    const kel = (await getAttention(database.db, city, { code: KEL, asOf: AS_OF, window: campaign }))!;
    const workers = new Set(((await listAreaOfficers(database.db, city, { code: KEL, level: 'kelurahan' })).get(KEL)?.ppl ?? []).map((o) => o.code));
    const silentHere = (await listSilentOfficers(database.db, city, { asOf: AS_OF, window: campaign })).filter((o) => workers.has(o.code));
    expect(kel.silentCount).toBe(silentHere.length);
    expect((await listSilentInArea(database.db, city, { code: KEL, asOf: AS_OF, window: campaign })).map((o) => o.code)).toEqual(silentHere.map((o) => o.code));
    for (const o of kel.officers) expect(workers.has(o.code)).toBe(true);
  });

  it('shows a lurah nothing of a sibling kelurahan in the block', async () => {
    const other = (await getAttention(database.db, lurah, { code: SIBLING, asOf: AS_OF, window: campaign }))!;
    expect(other).toMatchObject({ areas: [], officers: [], silentCount: 0 });
  });

  it("exports a lurah's officer list with exactly the officers their page shows, worst first", async () => {
    const file = await buildOfficerExport(dataOn(database.db, viewerOf(lurah, 'lurah')), { code: KEL, format: 'csv', list: 'all', asOf: AS_OF, locale: 'id' });
    const page = await listOfficers(database.db, lurah, { asOf: AS_OF, window: campaign, pageSize: 100_000 });
    const codes = csvCodes(file!.body as string);
    expect(codes.length).toBeGreaterThan(3);
    expect([...codes].sort()).toEqual(page.rows.map((r) => r.code).sort());
    expect(codes).toEqual(page.rows.map((r) => r.code)); // default order = worst first
    const everyone = new Set((await listOfficers(database.db, city, { asOf: AS_OF, window: campaign, pageSize: 100_000 })).rows.map((r) => r.code));
    expect(everyone.size).toBeGreaterThan(codes.length);
    expect(await buildOfficerExport(dataOn(database.db, viewerOf(lurah, 'lurah')), { code: SIBLING, format: 'csv', list: 'all', asOf: AS_OF, locale: 'id' })).toBeNull();
    expect(await buildOfficerExport(dataOn(database.db, viewerOf(lurah, 'lurah')), { code: '6471', format: 'xlsx', list: 'all', asOf: AS_OF, locale: 'id' })).toBeNull();
  });

  it('exports the belum-lapor list of a kelurahan as XLSX, the same PPL as the page lists', async () => {
    const file = await buildOfficerExport(dataOn(database.db, viewerOf(lurah, 'lurah')), { code: KEL, format: 'xlsx', list: 'silent', asOf: AS_OF, locale: 'id' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file!.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Belum lapor');
    expect(String(ws.getRow(3).getCell(1).value)).toMatch(/^Dibuat: .* WITA oleh tester$/);
    const headerAt = [1, 2, 3, 4, 5].find((r) => ws.getRow(r).getCell(1).value === 'Kode petugas')!;
    const codes: string[] = [];
    for (let r = headerAt + 1; r <= ws.rowCount; r++) codes.push(String(ws.getRow(r).getCell(1).value));
    const expected = (await listSilentOfficers(database.db, lurah, { asOf: AS_OF, window: campaign })).map((o) => o.code);
    expect(codes).toEqual(expected);
  });

  it('exports every SLS of the city with its PPL and PML, and names them in the lurah PDF', async () => {
    const file = await buildAreaExport(dataOn(database.db, viewerOf(city)), { code: '6471', format: 'xlsx', level: 'sls', asOf: AS_OF, locale: 'id' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file!.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Progres SLS');
    // The header follows the title and meta lines (now also the day's reporting line, issue #14).
    const headerAt = Array.from({ length: 12 }, (_, i) => i + 1).find((r) => (ws.getRow(r).values as unknown[]).includes('Kode BPS'))!;
    const header = ws.getRow(headerAt).values as unknown[];
    const sls = await listAreaChildren(database.db, city, { code: '6471', level: 'sls', asOf: AS_OF, window: campaign });
    expect(ws.rowCount - headerAt).toBe(sls.length + 1); // + the totals row
    const holders = await listAreaOfficers(database.db, city, { code: '6471', level: 'sls' });
    const first = ws.getRow(headerAt + 1);
    expect(first.getCell(header.indexOf('PPL')).value).toBe(holders.get(sls[0].code)!.ppl.map((o) => o.name).join('; '));
    expect(first.getCell(header.indexOf('PML')).value).toBe(holders.get(sls[0].code)!.pml.map((o) => o.name).join('; '));

    const pdf = await buildAreaExport(dataOn(database.db, viewerOf(lurah, 'lurah')), { code: KEL, format: 'pdf', asOf: AS_OF, locale: 'id' });
    const text = pdfText(pdf!.body as Buffer);
    const kelHolders = await listAreaOfficers(database.db, lurah, { code: KEL, level: 'sls' });
    const aPpl = [...kelHolders.values()][0].ppl[0].name;
    expect(text).toContain('PPL / PML');
    expect(text).toContain(aPpl);
    expect(text).toMatch(/Dibuat: .* WITA oleh tester/);
    // Table headers wrap onto a second line instead of being cut ("Tingkat…", "Target…").
    expect(text).not.toMatch(/(Tingkat|Target|Perkiraan|Laju)[^\n…]{0,12}…/);
    expect(text).toMatch(/Tingkat\s+(\S+\s+)*penolakan/);
  });

  it("offers an admin the roots of their scope by name: areas and officers, nothing from outside", async () => {
    const all = await listRootOptions(database.db, city);
    expect(all.find((o) => o.code === KEL)).toMatchObject({ name: 'Manggar Baru', kind: 'kelurahan', context: 'Balikpapan Timur' });
    expect(all.filter((o) => o.kind === 'ppl')).toHaveLength(883);
    expect(all.filter((o) => o.kind === 'pml')).toHaveLength(221);
    const kecamatan = await listRootOptions(database.db, areaScope('6471020'));
    expect(kecamatan.length).toBeGreaterThan(0);
    expect(kecamatan.filter((o) => ['kota', 'kecamatan', 'kelurahan'].includes(o.kind)).every((o) => o.code.startsWith('6471020'))).toBe(true);
    expect(kecamatan.some((o) => o.kind === 'kota')).toBe(false);
  });
});
