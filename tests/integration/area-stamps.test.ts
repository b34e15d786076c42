// Cached area bodies live under the stamp of their area (lib/api/body-cache.ts areaStamp): a
// write to one kelurahan keeps the bodies of the others. That is only right if no body depends on
// anything outside its area but the campaign's days: after writes to one kelurahan and a write of
// master data, every body the routes answer must equal one computed afresh.
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getAreaRoute } from '@/app/api/v1/areas/[code]/route';
import { GET as getChildrenRoute } from '@/app/api/v1/areas/[code]/children/route';
import { GET as getDailyRoute } from '@/app/api/v1/areas/[code]/daily/route';
import { GET as getGeoRoute } from '@/app/api/v1/areas/[code]/geo/route';
import { geoQuerySchema, mapWindowOf } from '@/lib/api/geo-schemas';
import { getAreaBody, getChildrenBody, getDailyBody } from '@/lib/api/area-bodies';
import { areaStamp } from '@/lib/api/body-cache';
import { issueApiToken } from '@/lib/auth/tokens';
import { queryRows, type Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope } from '@/lib/domain/scope';
import { submitReports } from '@/lib/ingest/submit-reports';
import { importFile } from '@/lib/ingest/import-file';
import { getCampaign, type Campaign } from '@/lib/queries/campaign';
import { dataOn } from '@/lib/server/data';
import { chunksOf } from './ingest-support';
import { databaseTargets } from './support';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const KOTA = '6471';

describe.each(databaseTargets())('area stamps on $name', (target) => {
  let database: Database;
  let token: string;
  let codes: string[];
  const actor = { username: 'test', role: 'admin' as const, scope: areaScope(KOTA), officerCode: null };
  const viewer = { username: 'pimpinan', role: 'pimpinan' as const, scope: areaScope(KOTA), homeArea: null, officerCode: null };
  const campaign = async (): Promise<Campaign> => (await getCampaign(database.db, areaScope(KOTA)))!;

  async function served(handler: Handler, path: string, code: string): Promise<unknown> {
    const res = await handler(new NextRequest(new URL(path, 'http://pantau.test'), { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ code }),
    });
    expect(res.status, path).toBe(200);
    return res.json();
  }

  /** Every body through the routes (cached), each against the same body computed now. */
  async function expectFresh() {
    const c = await campaign();
    const data = dataOn(database.db, viewer);
    const asOf = c.defaultAsOf;
    for (const code of codes) {
      expect(await served(getAreaRoute, `/api/v1/areas/${code}`, code), code).toEqual(JSON.parse(JSON.stringify(await getAreaBody(data, c, code, asOf))));
      expect(await served(getDailyRoute, `/api/v1/areas/${code}/daily`, code), code).toEqual(
        JSON.parse(JSON.stringify(await getDailyBody(data, c, { code, from: c.startDate, to: asOf }))),
      );
      if (code.length <= 10) {
        expect(await served(getChildrenRoute, `/api/v1/areas/${code}/children`, code), code).toEqual(
          JSON.parse(JSON.stringify(await getChildrenBody(data, c, { code, asOf }))),
        );
        const q = geoQuerySchema.parse({});
        const geo = await data.getAreaGeo({ code, asOf, window: c, metric: q.metric, level: q.level });
        expect(await served(getGeoRoute, `/api/v1/areas/${code}/geo`, code), code).toEqual(JSON.parse(JSON.stringify({ ...geo, window: mapWindowOf(c) })));
      }
    }
  }

  /** A report for the day after the latest on each of `n` sub-SLS of `kelurahan` with families left: one more enumerated. */
  async function reportIn(kelurahan: string, day: string, n: number) {
    const rows = await queryRows<{ kode_subsls: string; kode_petugas: string; selesai: number; menolak: number; tidak_ditemui: number; tidak_ditemukan: number; keluarga_baru: number }>(
      database.db,
      sql`select distinct on (r.kode_subsls) r.kode_subsls, s.kode_petugas, r.selesai, r.menolak, r.tidak_ditemui, r.tidak_ditemukan, r.keluarga_baru
        from report r join assignment s on s.kode_kota = r.kode_kota and s.kode_subsls = r.kode_subsls
        join area a on a.kode_kota = r.kode_kota and a.code = r.kode_subsls
        where r.kode_kota = ${KOTA} and r.kode_subsls like ${kelurahan + '%'} and r.tanggal < ${day}::date
          and r.selesai + r.menolak + r.tidak_ditemui + r.tidak_ditemukan < a.prelist + r.keluarga_baru
        order by r.kode_subsls, r.tanggal desc limit ${n}`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const body = rows.map((r) => ({
      tanggal: day,
      kodeSubsls: r.kode_subsls,
      kodePetugas: r.kode_petugas,
      selesai: r.selesai + 1,
      menolak: r.menolak,
      tidakDitemui: r.tidak_ditemui,
      tidakDitemukan: r.tidak_ditemukan,
      keluargaBaru: r.keluarga_baru,
    }));
    const result = await submitReports(database.db, actor, body, { source: 'api' });
    expect(result.rejections).toEqual([]);
  }

  beforeAll(async () => {
    database = await target.open({ listen: true });
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = Promise.resolve(database);
    token = (await issueApiToken(database.db, areaScope(KOTA), { username: 'test', ip: null }, { username: 'pimpinan', name: 'area stamps', expiresOn: null }))!.token;
    // The kota, every kecamatan, every kelurahan and one SLS of each of two kelurahan.
    codes = (
      await queryRows<{ code: string }>(
        database.db,
        sql`(select code from area where kode_kota = ${KOTA} and level in ('kota', 'kecamatan', 'kelurahan'))
          union all (select min(code) from area where kode_kota = ${KOTA} and level = 'sls' group by left(code, 10) order by 1 limit 2)
          order by 1`,
      )
    ).map((r) => r.code);
  });
  afterAll(async () => {
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = undefined;
    await database?.close();
  });

  it('answers every body as a fresh computation would, after writes to one kelurahan at a time', async () => {
    const kelurahan = codes.filter((c) => c.length === 10);
    await expectFresh();
    for (const written of [kelurahan[0], kelurahan[1], kelurahan[kelurahan.length - 1]]) {
      const before = await campaign();
      await reportIn(written, before.latestReport!, 2);
      const after = await campaign();
      // Reports on the latest report day, which is complete already: the campaign's days stay, so
      // only the written kelurahan, the areas above it and those within it get a new stamp...
      expect([after.latestReport, after.completeThrough]).toEqual([before.latestReport, before.completeThrough]);
      // ...and those whose PPL also work in the written kelurahan (an SLS is judged by its PPL's plan).
      const touched = new Set([written, ...(after.reach[written] ?? [])]);
      const moved = codes.filter((c) => areaStamp(after, c) !== areaStamp(before, c));
      expect(moved).toEqual(codes.filter((c) => [...touched].some((k) => k.startsWith(c) || c.startsWith(k) || (after.reach[c.slice(0, 10)] ?? []).includes(k))));
      expect(moved.length).toBeLessThan(codes.length);
      await expectFresh();
    }
  });

  it('moves every stamp on a write of master data', async () => {
    const before = await campaign();
    const [officer] = await queryRows<{ code: string; name: string; role: string; supervisor_code: string | null; area_code: string | null }>(
      database.db,
      sql`select code, name, role, supervisor_code, area_code from officer where kode_kota = ${KOTA} and role = 'ppl' order by code limit 1`,
    );
    expect(officer).toBeDefined();
    await expectFresh();
    const csv = `kode_petugas,nama_petugas,peran,kode_pengawas,kode_wilayah\n${officer.code},${officer.name} Baru,${officer.role},${officer.supervisor_code ?? ''},${officer.area_code}\n`;
    const result = await importFile(database.db, actor, { kind: 'officers', chunks: chunksOf(csv), filename: 'petugas.csv' });
    expect(result.rejections).toEqual([]);
    const after = await campaign();
    for (const c of codes) expect(areaStamp(after, c), c).not.toBe(areaStamp(before, c));
    await expectFresh();
  });
});
