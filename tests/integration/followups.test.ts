// Issue #17: open refusals and their conversion recomputed from the report history, the
// follow-up API (scope, validation, versions, audit), the lists and their exports.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getFollowupsRoute } from '@/app/api/v1/areas/[code]/followups/route';
import { GET as getChangesRoute } from '@/app/api/v1/changes/route';
import { GET as getDriftRoute } from '@/app/api/v1/areas/[code]/prelist-drift/route';
import { GET as getRefusalsRoute } from '@/app/api/v1/areas/[code]/refusals/route';
import { POST as postFollowupRoute } from '@/app/api/v1/followups/route';
import { issueApiToken } from '@/lib/auth/tokens';
import { queryRows, type Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { addDays } from '@/lib/domain/dates';
import { areaScope } from '@/lib/domain/scope';
import { buildAreaExport } from '@/lib/export/area-export';
import { submitReports } from '@/lib/ingest/submit-reports';
import type { Viewer } from '@/lib/server/viewer';
import { actor } from './ingest-support';
import { databaseTargets } from './support';
import { dataOn } from '@/lib/server/data';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const KEL = '6471020002';
const pdfText = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pantau-followup-')), 'f.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

interface Rep {
  kode_subsls: string;
  tanggal: string;
  kode_petugas: string;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
  keluarga_baru: number;
  prelist: number;
}

/** Peak and current menolak of every sub-SLS under `prefix` on `day`, straight from the report table (not the rollup). */
function fromHistory(reports: Rep[], prefix: string, day: string) {
  const bySub = new Map<string, Rep[]>();
  for (const r of reports) if (r.kode_subsls.startsWith(prefix) && r.tanggal <= day) bySub.set(r.kode_subsls, [...(bySub.get(r.kode_subsls) ?? []), r]);
  let peak = 0;
  let converted = 0;
  let menolak = 0;
  let tidakDitemui = 0;
  for (const rows of bySub.values()) {
    rows.sort((a, b) => a.tanggal.localeCompare(b.tanggal));
    const p = Math.max(...rows.map((r) => r.menolak));
    const last = rows.at(-1)!;
    peak += p;
    converted += p - last.menolak;
    menolak += last.menolak;
    tidakDitemui += last.tidak_ditemui;
  }
  return { peak, converted, menolak, tidakDitemui };
}

describe.each(databaseTargets())('follow-ups on $name', (target) => {
  let database: Database;
  const db = () => database.db;
  const tokens: Record<string, string> = {};
  let sub: Rep;
  let sls: string;

  async function call(handler: Handler, who: string, url: string, params: Record<string, string>, init: { method?: string; body?: unknown; lang?: string } = {}) {
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[who]}`, 'accept-language': init.lang ?? 'id' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const req = new NextRequest(new URL(url, 'http://pantau.test'), { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const res = await handler(req, { params: Promise.resolve(params) });
    return res;
  }
  const json = async (res: Response) => ({ status: res.status, body: await res.json() });
  const post = (who: string, body: unknown, lang?: string) => call(postFollowupRoute as Handler, who, '/api/v1/followups', {}, { method: 'POST', body, lang }).then(json);

  async function reports(): Promise<Rep[]> {
    return queryRows<Rep>(db(), sql`select r.*, r.tanggal::text as tanggal from report r`);
  }

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = Promise.resolve(database);
    const users = await queryRows<{ username: string; role: string; area_code: string | null; officer_code: string | null }>(
      db(),
      sql`select username, role, area_code, officer_code from auth_user`,
    );
    // A sub-SLS of the kelurahan with room for three more refusals, as of its latest demo report.
    const latest = await queryRows<Rep>(
      db(),
      sql`select distinct on (r.kode_subsls) r.*, r.tanggal::text as tanggal from report r where r.kode_subsls like ${KEL + '%'}
        and r.prelist + r.keluarga_baru - r.selesai - r.menolak - r.tidak_ditemui - r.tidak_ditemukan >= 6 order by r.kode_subsls, r.tanggal desc`,
    );
    sub = latest[0];
    sls = sub.kode_subsls.slice(0, 14);
    const [pml] = await queryRows<{ code: string }>(db(), sql`select supervisor_code as code from officer where code = ${sub.kode_petugas}`);
    const pick = (f: (u: (typeof users)[number]) => boolean) => users.find(f)!.username;
    const who: Record<string, string> = {
      lurah: pick((u) => u.role === 'lurah' && u.area_code === KEL),
      otherLurah: pick((u) => u.role === 'lurah' && u.area_code === '6471020001'),
      camat: pick((u) => u.role === 'camat' && u.area_code === '6471020'),
      pimpinan: 'pimpinan',
      pml: pick((u) => u.role === 'pml' && u.officer_code === pml.code),
      ppl: pick((u) => u.role === 'ppl' && u.officer_code === sub.kode_petugas),
    };
    for (const [key, username] of Object.entries(who)) {
      tokens[key] = (await issueApiToken(db(), areaScope('6471'), { username: 'admin', ip: null }, { username, name: `followup ${key}`, expiresOn: null }))!.token;
    }
  });
  afterAll(async () => {
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = undefined;
    await database?.close();
  });

  const report = (tanggal: string, d: { selesai?: number; menolak: number }) => ({
    tanggal,
    kodeSubsls: sub.kode_subsls,
    kodePetugas: sub.kode_petugas,
    selesai: sub.selesai + (d.selesai ?? 0),
    menolak: d.menolak,
    tidakDitemui: sub.tidak_ditemui,
    tidakDitemukan: sub.tidak_ditemukan,
    keluargaBaru: sub.keluarga_baru,
  });

  it('converts a refusal after two visits, and the figures equal a recomputation from the report history', async () => {
    const admin = actor('admin');
    const m = sub.menolak;
    // Three new refusals, then two follow-up visits, each followed by one converted refusal.
    expect((await submitReports(db(), admin, [report('2022-11-04', { menolak: m + 3 })], { source: 'api' })).accepted).toBe(1);
    const visit1 = await post('lurah', { kodeSls: sls, tanggal: '2022-11-05', parties: ['staf_kelurahan', 'ketua_rt'], visited: 3, agreed: 1, stillRefusing: 2 });
    expect(visit1.status).toBe(200);
    expect((await submitReports(db(), admin, [report('2022-11-06', { menolak: m + 2, selesai: 1 })], { source: 'api' })).accepted).toBe(1);
    const visit2 = await post('pml', { kodeSls: sls, tanggal: '2022-11-07', parties: ['pml', 'ppl'], visited: 2, agreed: 1, stillRefusing: 1, note: 'Datang sore, kepala keluarga ada.' });
    expect(visit2.status).toBe(200);
    expect((await submitReports(db(), admin, [report('2022-11-08', { menolak: m + 1, selesai: 2 })], { source: 'api' })).accepted).toBe(1);

    const all = await reports();
    for (const asOf of ['2022-11-04', '2022-11-08']) {
      const { status, body } = await json(await call(getRefusalsRoute as Handler, 'lurah', `/api/v1/areas/${KEL}/refusals?asOf=${asOf}`, { code: KEL }));
      expect(status).toBe(200);
      const before = addDays(asOf, -7);
      const kelNow = fromHistory(all, KEL, asOf);
      const kelBefore = fromHistory(all, KEL, before);
      expect(body.area).toMatchObject({
        code: KEL,
        menolak: kelNow.menolak,
        tidakDitemui: kelNow.tidakDitemui,
        peak: kelNow.peak,
        converted: kelNow.converted,
        menolakChange: kelNow.menolak - kelBefore.menolak,
        convertedThisWeek: kelNow.converted - kelBefore.converted,
      });
      expect(body.area.konversiPenolakan).toBeCloseTo(kelNow.converted / kelNow.peak, 12);
      const row = body.sls.find((r: { code: string }) => r.code === sls);
      const slsNow = fromHistory(all, sls, asOf);
      expect(row).toMatchObject({ menolak: slsNow.menolak, peak: slsNow.peak, converted: slsNow.converted });
      // Children of a kelurahan are its SLS, with the same figures as the list.
      expect(body.children.find((c: { code: string }) => c.code === sls)).toMatchObject({ menolak: slsNow.menolak, converted: slsNow.converted });
    }
    // The sub-SLS itself: peak m + 3 on 11-04, one refusal left over after two visits.
    const subNow = fromHistory(all, sub.kode_subsls, '2022-11-08');
    expect(subNow.peak - subNow.menolak).toBeGreaterThanOrEqual(2);
    const week = await json(await call(getRefusalsRoute as Handler, 'lurah', `/api/v1/areas/${sls}/refusals?asOf=2022-11-08`, { code: sls }));
    expect(week.body.area.convertedThisWeek).toBeGreaterThanOrEqual(2);
    expect(week.body.sls[0].lastFollowup).toBe('2022-11-07');
  });

  it('keeps every version of a follow-up, scoped: out of scope answers 404', async () => {
    const first = await post('lurah', { kodeSls: sls, tanggal: '2022-11-05', parties: ['ketua_rt'], visited: 1, agreed: 0, stillRefusing: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ followup: { version: 1, visited: 1 }, versions: 1 });
    const id = first.body.followup.id;
    const edit = await post('camat', { id, kodeSls: sls, tanggal: '2022-11-05', parties: ['ketua_rt', 'camat'], visited: 2, agreed: 1, stillRefusing: 1 });
    expect(edit.body).toMatchObject({ followup: { id, version: 2, visited: 2, createdBy: expect.stringMatching(/^camat-/) }, versions: 2 });
    const history = await queryRows<{ version: number; visited: number }>(db(), sql`select version, visited from followup_history where id = ${id} order by version`);
    expect(history).toEqual([
      { version: 1, visited: 1 },
      { version: 2, visited: 2 },
    ]);
    const audit = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where action = 'followup.record' and target = ${`followup:${id}`}`);
    expect(audit[0].n).toBe(2);

    const log = await json(await call(getFollowupsRoute as Handler, 'lurah', `/api/v1/areas/${KEL}/followups`, { code: KEL }));
    expect(log.status).toBe(200);
    expect(log.body.followups.filter((f: { id: number }) => f.id === id)).toEqual([expect.objectContaining({ version: 2, parties: ['ketua_rt', 'camat'] })]);
    expect(log.body.totals.visits).toBe(log.body.followups.length);

    // Another kelurahan's lurah: the SLS, the follow-up and the area are all "not found".
    expect((await post('otherLurah', { kodeSls: sls, tanggal: '2022-11-05', parties: ['ketua_rt'], visited: 0, agreed: 0, stillRefusing: 0 })).status).toBe(404);
    expect((await post('otherLurah', { id, kodeSls: '64710200010001', tanggal: '2022-11-05', parties: ['ketua_rt'], visited: 0, agreed: 0, stillRefusing: 0 })).status).toBe(404);
    expect((await call(getFollowupsRoute as Handler, 'otherLurah', `/api/v1/areas/${KEL}/followups`, { code: KEL })).status).toBe(404);
    // Roles that do not record follow-ups.
    expect((await post('ppl', { kodeSls: sls, tanggal: '2022-11-05', parties: ['ppl'], visited: 0, agreed: 0, stillRefusing: 0 })).status).toBe(404);
    expect((await post('pimpinan', { kodeSls: sls, tanggal: '2022-11-05', parties: ['ketua_rt'], visited: 0, agreed: 0, stillRefusing: 0 })).status).toBe(404);
    expect(await queryRows(db(), sql`select 1 from followup_history where id = ${id} and version > 2`)).toEqual([]);
  });

  it('moves the /changes version of those who see the SLS when a follow-up is recorded, and of nobody else', async () => {
    const viewers = ['lurah', 'camat', 'pimpinan', 'pml', 'otherLurah'];
    const version = async (who: string) => (await json(await call(getChangesRoute as Handler, who, '/api/v1/changes', {}))).body.token as string;
    const before = Object.fromEntries(await Promise.all(viewers.map(async (v) => [v, await version(v)])));
    expect((await post('lurah', { kodeSls: sls, tanggal: '2022-11-06', parties: ['ketua_rt'], visited: 1, agreed: 0, stillRefusing: 1 })).status).toBe(200);
    for (const v of viewers) {
      const after = await version(v);
      // A colleague's follow-up reaches an open page at the next poll; outside the scope nothing moves.
      if (v === 'otherLurah') expect(after, v).toBe(before[v]);
      else expect(after, v).not.toBe(before[v]);
      expect(after.split('.')).toHaveLength(4);
    }
  });

  it('refuses bad input naming the field, in the request’s language', async () => {
    const base = { kodeSls: sls, tanggal: '2022-11-08', parties: ['ketua_rt'], visited: 1, agreed: 0, stillRefusing: 0 };
    const [open] = await queryRows<{ n: number }>(
      db(),
      sql`select (sum(menolak) + sum(tidak_ditemui))::int as n from area_day where code like ${sls + '%'} and level = 'subsls' and tanggal = '2022-11-08'`,
    );
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ visited: open.n + 1 }, 'visited', new RegExp(`more than this SLS's refusals \\+ not-met on that date \\(${open.n}\\)`)],
      [{ visited: 1, agreed: 2 }, 'agreed', /more than the families visited/],
      [{ visited: 2, agreed: 1, stillRefusing: 2 }, 'stillRefusing', /visited minus agreed/],
      [{ note: 'NIK 6471 0123 4567 8901 menolak' }, 'note', /NIK/],
      [{ note: 'x'.repeat(201) }, 'note', /200/],
      [{ note: 'a\u0000b' }, 'note', /control characters/],
      [{ parties: ['tetangga'] }, 'parties', /./],
      [{ tanggal: '2023-01-01' }, 'tanggal', /between 2022-10-15 and/],
      [{ visited: -1 }, 'visited', /./],
    ];
    for (const [patch, field, reason] of cases) {
      const en = await post('lurah', { ...base, ...patch }, 'en');
      expect(en.status, JSON.stringify(patch)).toBe(400);
      const fields: string[] = en.body.error.details.map((d: { field: string }) => d.field);
      expect(fields.some((f) => f === field || f.startsWith(`${field}.`)), `${JSON.stringify(patch)} → ${fields}`).toBe(true);
      expect(en.body.error.message).toMatch(reason);
      const id = await post('lurah', { ...base, ...patch });
      expect(id.body.error.message).toMatch(/^Isi permintaan tidak valid — /);
    }
    const [{ n }] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from followup where note like '%6471%'`);
    expect(n).toBe(0);
  });

  it('exports the list as CSV, XLSX and one PDF page per kelurahan, and the kelurahan report carries the week', async () => {
    const csv = await call(getRefusalsRoute as Handler, 'camat', `/api/v1/areas/6471020/refusals?asOf=2022-11-08&format=csv`, { code: '6471020' });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('Penolakan terbuka');
    expect(text).toContain(sls);
    const lines = text.trim().split('\r\n').slice(1);
    // Ordered by open refusals + not-met, most first.
    const header = text.split('\r\n')[0].replace('\uFEFF', '').split(',');
    const open = lines.map((l) => {
      const cells = l.split(',');
      return Number(cells[header.indexOf('Penolakan terbuka')]) + Number(cells[header.indexOf('Tidak ditemui')]);
    });
    expect(open).toEqual([...open].sort((a, b) => b - a));

    const xlsx = await call(getRefusalsRoute as Handler, 'camat', `/api/v1/areas/6471020/refusals?asOf=2022-11-08&format=xlsx`, { code: '6471020' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const cells = wb.worksheets[0].getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(cells).toContain(sls);

    const pdf = await call(getRefusalsRoute as Handler, 'camat', `/api/v1/areas/6471020/refusals?asOf=2022-11-08&format=pdf`, { code: '6471020' });
    const pages = pdfText(Buffer.from(await pdf.arrayBuffer())).split('\f').filter((p) => p.trim());
    const kelPages = pages.filter((p) => /Tindak lanjut penolakan — /.test(p));
    expect(kelPages.length).toBeGreaterThanOrEqual(2);
    expect(pages.some((p) => p.includes('Manggar Baru') && p.includes(sls.slice(10)))).toBe(true);
    // Names of families never appear: the PDF says so, and holds only counts.
    expect(pages[0]).toMatch(/Jumlah keluarga saja/);

    const lurah: Viewer = { username: 'lurah', role: 'lurah', scope: areaScope(KEL), homeArea: KEL, officerCode: null };
    const report = await buildAreaExport(dataOn(db(), lurah), { code: KEL, format: 'pdf', asOf: '2022-11-08', locale: 'id' });
    const [week] = await queryRows<{ visits: number; agreed: number }>(
      db(),
      sql`select count(*)::int as visits, coalesce(sum(agreed), 0)::int as agreed from followup where kode_sls like ${KEL + '%'} and tanggal between '2022-11-02' and '2022-11-08'`,
    );
    expect(week.visits).toBeGreaterThan(0);
    expect(pdfText(report!.body as Buffer)).toContain(`Tindak lanjut minggu ini: ${week.visits} kunjungan, ${week.agreed} keluarga bersedia`);
  });

  it('flags an SLS whose prelist drift lies far outside its kelurahan, for area heads only', async () => {
    // 150 new families in one sub-SLS: a likely boundary error.
    const big = { ...report('2022-11-09', { menolak: sub.menolak + 1, selesai: 2 }), keluargaBaru: sub.keluarga_baru + 150 };
    expect((await submitReports(db(), actor('admin'), [big], { source: 'api' })).accepted).toBe(1);
    const { status, body } = await json(await call(getDriftRoute as Handler, 'lurah', `/api/v1/areas/${KEL}/prelist-drift?asOf=2022-11-09`, { code: KEL }));
    expect(status).toBe(200);
    expect(body.threshold).toBe(3.5);
    expect(body.rows[0]).toMatchObject({ code: sls, flagged: true });
    expect(body.rows.filter((r: { flagged: boolean }) => r.flagged).length).toBeLessThan(body.rows.length / 4);
    const before = await json(await call(getDriftRoute as Handler, 'lurah', `/api/v1/areas/${KEL}/prelist-drift?asOf=2022-11-08`, { code: KEL }));
    expect(before.body.rows.find((r: { code: string }) => r.code === sls).flagged).toBe(false);
    expect((await call(getDriftRoute as Handler, 'pml', `/api/v1/areas/${sub.kode_subsls}/prelist-drift`, { code: sub.kode_subsls })).status).toBe(404);
    expect((await call(getDriftRoute as Handler, 'otherLurah', `/api/v1/areas/${KEL}/prelist-drift`, { code: KEL })).status).toBe(404);
    const csv = await call(getDriftRoute as Handler, 'pimpinan', `/api/v1/areas/6471/prelist-drift?asOf=2022-11-09&format=csv`, { code: '6471' });
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toContain('Simpangan');
    expect(lines[1]).toContain(sls);
    expect(lines[1]).toContain('Perlu dicek');
  });
});
