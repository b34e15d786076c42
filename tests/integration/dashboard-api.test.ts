import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getAreaRoute } from '@/app/api/v1/areas/[code]/route';
import { GET as getChildrenRoute } from '@/app/api/v1/areas/[code]/children/route';
import { GET as getDailyRoute } from '@/app/api/v1/areas/[code]/daily/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { GET as getSearchRoute } from '@/app/api/v1/search/route';
import { GET as getOfficerRoute } from '@/app/api/v1/officers/[code]/route';
import { getChildrenBody } from '@/lib/api/area-bodies';
import { areaResponseSchema, childrenResponseSchema, dailyResponseSchema, searchResponseSchema } from '@/lib/api/area-schemas';
import { queryRows, type Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope, type Scope } from '@/lib/domain/scope';
import { issueApiToken } from '@/lib/auth/tokens';
import { getCampaign } from '@/lib/queries/campaign';
import { submitReports } from '@/lib/ingest/submit-reports';
import { differences, Recomputation, type RawArea, type RawReport } from './recompute';
import { databaseTargets } from './support';
import { dataOn } from '@/lib/server/data';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as Next.js would, and returns its status and JSON body. */
let token = '';
async function call(handler: Handler, path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const res = await handler(new NextRequest(new URL(path, 'http://pantau.test'), { headers: { authorization: `Bearer ${token}`, ...headers } }), {
    params: Promise.resolve(params),
  });
  return { status: res.status, body: await res.json() };
}

/** A small deterministic PRNG so the "random" areas and dates are the same on every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const viewerOfScope = (scope: Scope) => ({ username: 'tester', role: 'admin' as const, scope, homeArea: null, officerCode: null });

describe.each(databaseTargets())('area read API on $name', (target) => {
  let database: Database;
  let recompute: Recomputation;
  let areas: RawArea[];
  let completeThrough: string | null;
  const window = { startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6 };

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    // The route handlers reach the database through the process singleton: point it at this suite's.
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = Promise.resolve(database);
    // The API answers only signed-in callers: act as the city's read-only head with an API token.
    token = (await issueApiToken(database.db, areaScope('6471'), { username: 'test', ip: null }, { username: 'pimpinan', name: 'dashboard-api test', expiresOn: null }))!.token;
    const reports = await queryRows<RawReport>(database.db, sql`select *, tanggal::text as tanggal from report`);
    areas = await queryRows<RawArea>(database.db, sql`select code, level, parent_code, prelist from area`);
    const held = await queryRows<{ kode_subsls: string; kode_petugas: string }>(database.db, sql`select kode_subsls, kode_petugas from assignment`);
    recompute = new Recomputation(areas, reports, window, new Map(held.map((h) => [h.kode_subsls, h.kode_petugas])));
    // The demo's latest complete day, recomputed from the raw rows, is the one the API uses.
    completeThrough = recompute.completeThrough();
    expect((await getCampaign(database.db, areaScope('6471')))!.completeThrough).toBe(completeThrough);
  });
  afterAll(async () => {
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = undefined;
    await database?.close();
  });

  /** Random areas of every level and random dates of the window plus grace, with the edges always in. */
  function samples(n: number, seed: number): { code: string; asOf: string }[] {
    const rand = prng(seed);
    const byLevel = (level: string) => areas.filter((a) => a.level === level).map((a) => a.code);
    const levels = ['kecamatan', 'kelurahan', 'sls', 'subsls'].map(byLevel);
    const dates = Array.from({ length: 37 }, (_, i) => new Date(Date.parse('2022-10-15T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10));
    const out = [
      { code: '6471', asOf: '2022-11-02' },
      { code: '6471', asOf: '2022-10-15' },
      { code: '6471', asOf: '2022-11-20' },
    ];
    for (let i = 0; i < n; i++) {
      const pool = levels[i % levels.length];
      out.push({ code: pool[Math.floor(rand() * pool.length)], asOf: dates[Math.floor(rand() * dates.length)] });
    }
    return out;
  }

  it('answers /areas/{code} with every figure equal to a recomputation from the raw reports', async () => {
    for (const { code, asOf } of samples(24, 1)) {
      const { status, body } = await call(getAreaRoute, `/api/v1/areas/${code}?asOf=${asOf}`, { code });
      expect(status).toBe(200);
      expect(areaResponseSchema.safeParse(body).success).toBe(true);
      expect(differences(body, { code, ...recompute.metrics(code, asOf, completeThrough) }), `${code} ${asOf}`).toEqual([]);
    }
  });

  it('answers /children with each child equal to the recomputation and totals equal to the parent', async () => {
    for (const { code, asOf } of samples(8, 2).filter((s) => s.code.length < 16)) {
      const { status, body } = await call(getChildrenRoute, `/api/v1/areas/${code}/children?asOf=${asOf}`, { code });
      expect(status).toBe(200);
      expect(childrenResponseSchema.safeParse(body).success).toBe(true);
      expect(body.children.map((c: { code: string }) => c.code)).toEqual(recompute.below(code));
      for (const child of body.children) {
        expect(differences(child, recompute.metrics(child.code, asOf, completeThrough)), `${child.code} ${asOf}`).toEqual([]);
      }
      const parent = recompute.sums(code, asOf);
      for (const key of ['prelist', 'keluargaBaru', 'selesai', 'menolak', 'tidakDitemui', 'tidakDitemukan'] as const) {
        expect(body.children.reduce((s: number, c: Record<string, number>) => s + c[key], 0)).toBe(parent[key]);
      }
    }
  });

  it('lists every descendant at a deeper level, with the PPL who holds each SLS', async () => {
    const kota = await call(getChildrenRoute, '/api/v1/areas/6471/children?asOf=2022-10-28&level=kelurahan', { code: '6471' });
    expect(kota.body.children).toHaveLength(34);
    for (const child of kota.body.children) expect(differences(child, recompute.metrics(child.code, '2022-10-28', completeThrough))).toEqual([]);

    const holders = await queryRows<{ sls: string; name: string }>(
      database.db,
      sql`select distinct left(s.kode_subsls, 14) sls, o.name from assignment s join officer o on o.code = s.kode_petugas where s.kode_subsls like '6471020002%'`,
    );
    const kel = await call(getChildrenRoute, '/api/v1/areas/6471020002/children', { code: '6471020002' });
    expect(kel.body.level).toBe('sls');
    for (const sls of kel.body.children) {
      const names = sls.officers.map((o: { name: string }) => o.name).sort();
      expect(names).toEqual(holders.filter((h) => h.sls === sls.code).map((h) => h.name).sort());
      expect(names.length).toBeGreaterThan(0);
    }
    const tooDeep = await call(getChildrenRoute, '/api/v1/areas/6471/children?level=sls', { code: '6471' });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.details[0].field).toBe('level');
  });

  it('answers /daily with one row per date equal to the recomputation', async () => {
    for (const { code } of samples(6, 3)) {
      const { status, body } = await call(getDailyRoute, `/api/v1/areas/${code}/daily?from=2022-10-15&to=2022-11-20`, { code });
      expect(status).toBe(200);
      expect(dailyResponseSchema.safeParse(body).success).toBe(true);
      const expected = recompute.daily(code, '2022-10-15', '2022-11-20');
      expect(body.days).toHaveLength(expected.length);
      body.days.forEach((day: Record<string, unknown>, i: number) => expect(differences(day, expected[i]), `${code} ${expected[i].tanggal}`).toEqual([]));
    }
    const defaults = await call(getDailyRoute, '/api/v1/areas/6471/daily', { code: '6471' });
    expect(defaults.body.from).toBe('2022-10-15');
    expect(defaults.body.to).toBe('2022-11-02');
  });

  it('rejects bad parameters with JSON errors in the request language, and hides what is outside the scope', async () => {
    const early = await call(getAreaRoute, '/api/v1/areas/6471?asOf=2022-10-01', { code: '6471' }, { 'accept-language': 'en-GB' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('asOf must be between 2022-10-15 and 2022-11-20.');
    const malformed = await call(getAreaRoute, '/api/v1/areas/6471?asOf=2022-13-01', { code: '6471' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].field).toBe('asOf');
    const reversed = await call(getDailyRoute, '/api/v1/areas/6471/daily?from=2022-11-02&to=2022-11-01', { code: '6471' });
    expect(reversed.status).toBe(400);
    expect((await call(getAreaRoute, '/api/v1/areas/6472', { code: '6472' })).status).toBe(404);
    expect((await call(getChildrenRoute, '/api/v1/areas/6471999999/children', { code: '6471999999' })).body).toEqual({
      error: { code: 'not_found', message: 'Tidak ditemukan.' },
    });
    const campaign = (await getCampaign(database.db, areaScope('6471')))!;
    const lurah = areaScope('6471020002');
    expect(await getChildrenBody(dataOn(database.db, viewerOfScope(lurah)), campaign, { code: '6471020', asOf: '2022-11-02' })).toBeNull();
    expect((await getChildrenBody(dataOn(database.db, viewerOfScope(lurah)), campaign, { code: '6471020002', asOf: '2022-11-02' }))?.children.length).toBe(
      recompute.below('6471020002').length,
    );
  });

  it('searches by name, BPS code and Kemendagri code', async () => {
    const byName = await call(getSearchRoute, '/api/v1/search?q=manggar');
    expect(searchResponseSchema.safeParse(byName.body).success).toBe(true);
    expect(byName.body.results.map((r: { code: string }) => r.code)).toEqual(['6471020001', '6471020002']);
    expect((await call(getSearchRoute, '/api/v1/search?q=64.71.01.1004')).body.results[0].code).toBe('6471020002');
    expect((await call(getSearchRoute, '/api/v1/search?q=')).status).toBe(400);
  });

  it('publishes an OpenAPI 3.1 document of every endpoint with its parameters', async () => {
    const doc = await (await getOpenApi()).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/areas/{code}', '/api/v1/areas/{code}/children', '/api/v1/areas/{code}/daily', '/api/v1/search']),
    );
    const children = doc.paths['/api/v1/areas/{code}/children'].get;
    expect(children.parameters.map((p: { name: string }) => p.name)).toEqual(['code', 'asOf', 'level']);
    expect(children.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/ChildrenResponse');
    const metrics = doc.components.schemas.AreaMetrics.properties;
    for (const key of ['progres', 'pace7', 'projectedFinishLow', 'status', 'daysLeft']) expect(metrics).toHaveProperty(key);
  });

  it('says why each status is what it is: belum mulai, macet and the PPL plan at SLS, the plan line at kelurahan, the same enum for officers', async () => {
    type Row = { code: string; level: string; status: string; statusReason: string; statusDetail: { stalledDays: number }; closed: number; universe: number };
    const consistent = (r: Row, judged: 'ppl' | 'area') => {
      const reason = {
        selesai: ['semua_tertutup'],
        belum_mulai: ['belum_ada_laporan'],
        macet: ['tidak_bertambah'],
        sesuai_jadwal: judged === 'ppl' ? ['rencana_ppl_cukup', 'tanpa_laju'] : ['laju_cukup', 'tanpa_laju'],
        berisiko: judged === 'ppl' ? ['rencana_ppl_kurang', 'tanpa_laju'] : ['laju_kurang', 'tanpa_laju'],
        tertinggal: judged === 'ppl' ? ['rencana_ppl_kurang', 'tanpa_laju'] : ['laju_kurang', 'tanpa_laju'],
      }[r.status];
      expect(reason, `${r.code} ${r.status}`).toContain(r.statusReason);
      if (r.status === 'macet') expect(r.statusDetail.stalledDays).toBeGreaterThanOrEqual(3);
      else if (r.status !== 'selesai' && r.status !== 'belum_mulai') expect(r.statusDetail.stalledDays).toBeLessThan(3);
      if (r.status === 'belum_mulai') expect(r.closed).toBe(0);
    };
    const seen = new Set<string>();
    for (const asOf of ['2022-10-17', completeThrough!]) {
      for (const kec of recompute.below('6471')) {
        const sls = await call(getChildrenRoute, `/api/v1/areas/${kec}/children?asOf=${asOf}&level=sls`, { code: kec });
        for (const r of sls.body.children as Row[]) {
          consistent(r, 'ppl');
          seen.add(`sls:${r.status}`);
        }
      }
      const kel = await call(getChildrenRoute, `/api/v1/areas/6471/children?asOf=${asOf}&level=kelurahan`, { code: '6471' });
      for (const r of kel.body.children as Row[]) consistent(r, 'area');
    }
    // Early on most SLS have not started; by the latest complete day some have stalled, and others follow their PPL's plan.
    expect([...seen]).toEqual(expect.arrayContaining(['sls:belum_mulai', 'sls:macet', 'sls:sesuai_jadwal']));

    // An officer's status is the same enum (plus belum lapor), with its reason.
    const [ppl] = await queryRows<{ code: string }>(database.db, sql`select kode_petugas as code from assignment order by kode_petugas limit 1`);
    const officer = (await call(getOfficerRoute, `/api/v1/officers/${ppl.code}`, { code: ppl.code })).body;
    expect(officer.officer.statusReason).toMatch(/^[a-z_]+$/);
    for (const s of officer.subsls as Row[]) consistent(s, 'ppl');
  });

  // Last: it writes a report. The area API keeps its bodies in memory (lib/api/body-cache.ts).
  it('answers each scope for itself and never from a body older than a write', async () => {
    const [lurah] = await queryRows<{ username: string; area_code: string }>(
      database.db,
      sql`select username, area_code from auth_user where role = 'lurah' order by username limit 1`,
    );
    const lurahToken = (await issueApiToken(database.db, areaScope('6471'), { username: 'test', ip: null }, { username: lurah.username, name: 'cache test', expiresOn: null }))!.token;
    const asLurah = { authorization: `Bearer ${lurahToken}` };
    const kec = lurah.area_code.slice(0, 7);
    // The same keys, asked first by the city and then by the lurah: the lurah sees only their kelurahan.
    expect((await call(getChildrenRoute, `/api/v1/areas/${kec}/children`, { code: kec })).status).toBe(200);
    expect((await call(getChildrenRoute, `/api/v1/areas/${kec}/children`, { code: kec }, asLurah)).status).toBe(404);
    expect((await call(getAreaRoute, `/api/v1/areas/${kec}`, { code: kec }, asLurah)).status).toBe(404);
    const cityKota = await call(getAreaRoute, '/api/v1/areas/6471', { code: '6471' });
    const lurahKel = await call(getAreaRoute, `/api/v1/areas/${lurah.area_code}`, { code: lurah.area_code }, asLurah);
    expect(lurahKel.body.breadcrumb).toEqual([]);
    expect((await call(getAreaRoute, `/api/v1/areas/${lurah.area_code}`, { code: lurah.area_code })).body.breadcrumb.map((b: { code: string }) => b.code)).toEqual(['6471', kec]);

    // One more family enumerated on the latest report date of a sub-SLS of the lurah's kelurahan.
    const [sub] = await queryRows<RawReport & { ppl: string }>(
      database.db,
      sql`select r.*, r.tanggal::text as tanggal, s.kode_petugas as ppl from report r join assignment s on s.kode_subsls = r.kode_subsls
      where r.kode_subsls like ${lurah.area_code + '%'} and r.tanggal = (select max(tanggal) from report)
        and r.selesai + r.menolak + r.tidak_ditemui + r.tidak_ditemukan < r.prelist + r.keluarga_baru
      order by r.kode_subsls limit 1`,
    );
    const actor = { username: 'test', role: 'admin' as const, scope: areaScope('6471'), officerCode: null };
    const written = await submitReports(
      database.db,
      actor,
      [{ tanggal: sub.tanggal, kodeSubsls: sub.kode_subsls, kodePetugas: sub.ppl, selesai: sub.selesai + 1, menolak: sub.menolak, tidakDitemui: sub.tidak_ditemui, tidakDitemukan: sub.tidak_ditemukan, keluargaBaru: sub.keluarga_baru }],
      { source: 'api' },
    );
    expect(written.replaced).toBe(1);
    expect((await call(getAreaRoute, '/api/v1/areas/6471', { code: '6471' })).body.selesai).toBe(cityKota.body.selesai + 1);
    expect((await call(getAreaRoute, `/api/v1/areas/${lurah.area_code}`, { code: lurah.area_code }, asLurah)).body.selesai).toBe(lurahKel.body.selesai + 1);
    const kids = await call(getChildrenRoute, `/api/v1/areas/${kec}/children`, { code: kec });
    expect(kids.body.children.find((c: { code: string }) => c.code === lurah.area_code).selesai).toBe(lurahKel.body.selesai + 1);
  });
});
