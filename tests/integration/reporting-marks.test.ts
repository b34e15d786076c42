// Reporting completeness assembled from each kelurahan's marks (lib/queries/reporting-marks.ts)
// must equal the direct query (lib/queries/reporting.ts) for every area, date and scope, and a
// change to one kelurahan's reports, assignments or areas — through the app or in plain SQL —
// must move that kelurahan's stamp (triggers, migration 0015) and no other's.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { addDays } from '@/lib/domain/dates';
import { areaScope, type Scope } from '@/lib/domain/scope';
import { submitReports } from '@/lib/ingest/submit-reports';
import { getCampaign, type Campaign } from '@/lib/queries/campaign';
import { listDayReporting } from '@/lib/queries/reporting';
import { databaseTargets } from './support';

const KOTA = '6471';

describe.each(databaseTargets())('reporting from kelurahan marks on $name', (target) => {
  let database: Database;
  let areas: string[];
  const actor = { username: 'test', role: 'admin' as const, scope: areaScope(KOTA), officerCode: null };
  const campaign = async (): Promise<Campaign> => (await getCampaign(database.db, areaScope(KOTA)))!;

  /** Marks and the direct query agree for these areas in these scopes over these dates. */
  async function expectSameCounts(c: Campaign, scopes: Scope[], codes: string[], from: string, to: string) {
    for (const scope of scopes) {
      for (const areaCode of codes) {
        const direct = await listDayReporting(database.db, scope, { areaCode, from, to });
        const marked = await listDayReporting(database.db, scope, { areaCode, from, to, marks: c.marks });
        expect(marked, `${areaCode} in ${JSON.stringify(scope)}`).toEqual(direct);
      }
    }
  }

  const kelurahanOf = (code: string) => code.slice(0, 10);

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    areas = (
      await queryRows<{ code: string }>(
        database.db,
        sql`select code from area where kode_kota = ${KOTA} and level in ('kota', 'kecamatan', 'kelurahan') order by code`,
      )
    ).map((r) => r.code);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('holds a stamp for every kelurahan and gives the same counts as the direct query, for every area, date and area scope', async () => {
    const c = await campaign();
    const kelurahan = areas.filter((a) => a.length === 10);
    expect(Object.keys(c.marks.kelurahan).sort()).toEqual(kelurahan);
    const kecamatan = areas.find((a) => a.length === 7)!;
    const scopes = [areaScope(KOTA), areaScope(kecamatan), areaScope(kelurahan.find((k) => k.startsWith(kecamatan))!)];
    await expectSameCounts(c, scopes, areas, c.startDate, c.lastReportDate);
  });

  it('moves only the stamp of the written kelurahan on a report, and the counts follow it', async () => {
    const before = await campaign();
    const day = addDays(before.latestReport!, 1);
    const [r] = await queryRows<{ kode_subsls: string; kode_petugas: string; selesai: number; menolak: number; tidak_ditemui: number; tidak_ditemukan: number; keluarga_baru: number }>(
      database.db,
      sql`select r.kode_subsls, s.kode_petugas, r.selesai, r.menolak, r.tidak_ditemui, r.tidak_ditemukan, r.keluarga_baru
        from report r join assignment s on s.kode_kota = r.kode_kota and s.kode_subsls = r.kode_subsls
        where r.kode_kota = ${KOTA} and r.tanggal = ${before.latestReport}::date
          and r.selesai + r.tidak_ditemukan < (select prelist from area a where a.kode_kota = r.kode_kota and a.code = r.kode_subsls) + r.keluarga_baru
        order by r.kode_subsls limit 1`,
    );
    // Read the marks of the day before the write, so they are kept, then write one report.
    await expectSameCounts(before, [areaScope(KOTA)], [KOTA], day, day);
    const result = await submitReports(
      database.db,
      actor,
      [{ tanggal: day, kodeSubsls: r.kode_subsls, kodePetugas: r.kode_petugas, selesai: r.selesai + 1, menolak: r.menolak, tidakDitemui: r.tidak_ditemui, tidakDitemukan: r.tidak_ditemukan, keluargaBaru: r.keluarga_baru }],
      { source: 'api' },
    );
    expect(result.rejections).toEqual([]);
    const after = await campaign();
    const written = kelurahanOf(r.kode_subsls);
    for (const [kel, stamp] of Object.entries(after.marks.kelurahan)) {
      if (kel === written) expect(stamp, kel).not.toBe(before.marks.kelurahan[kel]);
      else expect(stamp, kel).toBe(before.marks.kelurahan[kel]);
    }
    const [reported] = await listDayReporting(database.db, areaScope(written), { areaCode: written, from: day, to: day, marks: after.marks });
    expect(reported.reported).toBeGreaterThan(0);
    await expectSameCounts(after, [areaScope(KOTA), areaScope(written)], areas.filter((a) => written.startsWith(a)), addDays(day, -1), addDays(day, 2));
  });

  it('moves the stamp of a kelurahan on a change made in plain SQL: a report deleted, an assignment moved, a prelist changed', async () => {
    const [r] = await queryRows<{ kode_subsls: string; tanggal: string }>(
      database.db,
      sql`select kode_subsls, tanggal::text as tanggal from report where kode_kota = ${KOTA} order by tanggal desc, kode_subsls desc limit 1`,
    );
    const kel = kelurahanOf(r.kode_subsls);
    const changes = [
      sql`delete from report where kode_kota = ${KOTA} and kode_subsls = ${r.kode_subsls} and tanggal = ${r.tanggal}::date`,
      sql`update assignment set kode_petugas = (select min(kode_petugas) from assignment where kode_kota = ${KOTA} and kode_subsls not like ${kel + '%'})
        where kode_kota = ${KOTA} and kode_subsls = ${r.kode_subsls}`,
      sql`update area set prelist = prelist + 5 where kode_kota = ${KOTA} and code = ${r.kode_subsls}`,
    ];
    for (const change of changes) {
      const before = await campaign();
      await database.db.execute(change);
      const after = await campaign();
      expect(after.marks.kelurahan[kel]).not.toBe(before.marks.kelurahan[kel]);
      for (const other of Object.keys(before.marks.kelurahan).filter((k) => k !== kel)) {
        expect(after.marks.kelurahan[other], other).toBe(before.marks.kelurahan[other]);
      }
      await expectSameCounts(after, [areaScope(KOTA)], [KOTA, kel], addDays(r.tanggal, -1), addDays(r.tanggal, 1));
    }
  });
});
