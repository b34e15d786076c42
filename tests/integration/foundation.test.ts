import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '@/lib/db/client';
import { checkRollups } from '@/lib/db/check';
import { rebuildRollups } from '@/lib/db/rollup';
import { areaScope } from '@/lib/domain/scope';
import { seedDemo } from '@/lib/demo/seed';
import { getAreaSummary, listAreaChildren, listBreadcrumb, searchAreas } from '@/lib/queries/areas';
import { getCampaign } from '@/lib/queries/campaign';
import { databaseTargets } from './support';

const one = async <T>(d: Database, q: ReturnType<typeof sql>) => (await queryRows<T>(d.db, q))[0];

describe.each(databaseTargets())('foundation on $name', (target) => {
  let database: Database;
  const city = areaScope('6471');

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
  });
  afterAll(() => database?.close());

  it('holds the real 6 kecamatan and 34 kelurahan with BPS and Kemendagri codes', async () => {
    const levels = await queryRows<{ level: string; n: number }>(database.db, sql`select level, count(*)::int n from area group by level`);
    const count = Object.fromEntries(levels.map((l) => [l.level, l.n]));
    expect(count.kota).toBe(1);
    expect(count.kecamatan).toBe(6);
    expect(count.kelurahan).toBe(34);
    const manggarBaru = await one<{ name: string; kemendagri_code: string }>(database, sql`select name, kemendagri_code from area where code = '6471020002'`);
    expect(manggarBaru).toEqual({ name: 'Manggar Baru', kemendagri_code: '64.71.01.1004' });
    const boundaries = await one<{ n: number }>(database, sql`select count(*)::int n from area_boundary`);
    expect(boundaries.n).toBe(40);
  });

  it('has a prelist of 240,000 ±0.5 %, 1,104 officers and reports through 2 Nov 2022 only', async () => {
    const prelist = await one<{ p: number }>(database, sql`select sum(prelist)::int p from area where level = 'subsls'`);
    expect(Math.abs(prelist.p - 240_000)).toBeLessThanOrEqual(1200);
    const officers = await queryRows<{ role: string; n: number }>(database.db, sql`select role, count(*)::int n from officer group by role`);
    const byRole = Object.fromEntries(officers.map((o) => [o.role, o.n]));
    expect(byRole.ppl + byRole.pml).toBe(1104);
    const dates = await one<{ first: string; last: string }>(database, sql`select min(tanggal)::text first, max(tanggal)::text last from report`);
    expect(dates).toEqual({ first: '2022-10-15', last: '2022-11-02' });
  });

  it('keeps the rollups equal to a recomputation from the raw rows, also after a replacement', async () => {
    expect(await checkRollups(database.db)).toEqual([]);
    const row = await one<{ kode_subsls: string; tanggal: string; selesai: number }>(
      database,
      sql`select kode_subsls, tanggal::text, selesai from report where selesai > 5 order by kode_subsls, tanggal limit 1`,
    );
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update report set selesai = selesai - 5, version = version + 1
        where kode_subsls = ${row.kode_subsls} and tanggal = ${row.tanggal}`);
      await rebuildRollups(tx, '6471', [row.kode_subsls.slice(0, 10)], row.tanggal);
    });
    expect(await checkRollups(database.db)).toEqual([]);
  });

  it('defaults the as-of date to the latest report and answers metrics for the city', async () => {
    const campaign = await getCampaign(database.db, city);
    expect(campaign?.defaultAsOf).toBe('2022-11-02');
    expect(campaign?.endDate).toBe('2022-11-14');
    const kota = await getAreaSummary(database.db, city, { code: '6471', asOf: '2022-11-02', window: campaign! });
    expect(kota?.prelist).toBe(240_000);
    expect(kota?.progres).toBeGreaterThan(0.45);
    const children = await listAreaChildren(database.db, city, { code: '6471', asOf: '2022-11-02', window: campaign! });
    expect(children).toHaveLength(6);
    expect(children.reduce((s, c) => s + c.selesai, 0)).toBe(kota?.selesai);
  });

  it('answers nothing outside the scope, exactly like a missing area', async () => {
    const campaign = (await getCampaign(database.db, city))!;
    const lurah = areaScope('6471020002');
    const params = { code: '6471020001', asOf: '2022-11-02', window: campaign };
    expect(await getAreaSummary(database.db, lurah, params)).toBeNull();
    expect(await getAreaSummary(database.db, lurah, { ...params, code: '9999' })).toBeNull();
    expect(await getAreaSummary(database.db, lurah, { ...params, code: '6471020002' })).not.toBeNull();
    expect(await listBreadcrumb(database.db, lurah, '64710200020001')).toEqual([
      { code: '6471020002', name: 'Manggar Baru', level: 'kelurahan', kemendagriCode: '64.71.01.1004' },
    ]);
    expect((await searchAreas(database.db, lurah, 'Manggar')).map((a) => a.code)).toEqual(['6471020002']);
  });

  it('finds areas by name, BPS code and Kemendagri code', async () => {
    expect((await searchAreas(database.db, city, 'sepinggan'))[0]?.code).toBe('6471010007');
    expect((await searchAreas(database.db, city, '64.71.01.1004'))[0]?.code).toBe('6471020002');
    expect((await searchAreas(database.db, city, '6471020002'))[0]?.code).toBe('6471020002');
    expect(await searchAreas(database.db, city, '%')).toEqual([]);
  });
});
