import { getRefusalOverview } from '@/lib/queries/refusals';
import { gzipSync } from 'node:zlib';
import type { Polygon } from 'geojson';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '@/lib/db/client';
import { mapMetricValues } from '@/lib/domain/map-metrics';
import { areaScope } from '@/lib/domain/scope';
import { seedDemo } from '@/lib/demo/seed';
import { countPositions } from '@/lib/geo/simplify';
import { listAreaChildren, type AreaMetrics } from '@/lib/queries/areas';
import { getCampaign, type Campaign } from '@/lib/queries/campaign';
import { getAreaGeo, type AreaFeature } from '@/lib/queries/geo';
import { databaseTargets } from './support';

const asOf = '2022-11-02';

/** The AreaMetrics part of a feature's properties. */
function metricsOf(f: AreaFeature): AreaMetrics {
  const { parentCode: _p, labelPoint: _l, value: _v, tidakDitemuiShare: _t, paceGap: _g, penolakanTerbuka: _r, konversiPenolakan: _c, ...metrics } = f.properties;
  return metrics;
}

describe.each(databaseTargets())('map layer on $name', (target) => {
  let database: Database;
  let campaign: Campaign;
  const city = areaScope('6471');

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    campaign = (await getCampaign(database.db, city))!;
  });
  afterAll(() => database?.close());

  const geo = (scope = city, code = '6471', extra: { level?: 'kecamatan' | 'kelurahan'; asOf?: string } = {}) =>
    getAreaGeo(database.db, scope, { code, asOf: extra.asOf ?? asOf, window: campaign, metric: 'progres', level: extra.level });

  it('gives a kota 6 kecamatan features carrying exactly the metrics of listAreaChildren', async () => {
    const layer = (await geo())!;
    const children = await listAreaChildren(database.db, city, { code: '6471', asOf, window: campaign });
    expect(layer.level).toBe('kecamatan');
    expect(layer.features).toHaveLength(6);
    expect(layer.features.map(metricsOf)).toEqual(children);
    expect(layer.features.map((f) => f.id)).toEqual(children.map((c) => c.code));
    expect(layer.features.every((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')).toBe(true);
    expect(layer.area).toMatchObject({ code: '6471', name: 'Kota Balikpapan', geometry: null });
    const [w, s, e, n] = layer.bbox!;
    expect(w).toBeGreaterThan(116.7);
    expect(e).toBeLessThan(117.2);
    expect(s).toBeGreaterThan(-1.4);
    expect(n).toBeLessThan(-0.9);
  });

  it('gives the 34 kelurahan with level=kelurahan, equal to listAreaChildren of each kecamatan', async () => {
    const layer = (await geo(city, '6471', { level: 'kelurahan' }))!;
    expect(layer.level).toBe('kelurahan');
    expect(layer.features).toHaveLength(34);
    const kecamatan = await listAreaChildren(database.db, city, { code: '6471', asOf, window: campaign });
    const expected = (await Promise.all(kecamatan.map((k) => listAreaChildren(database.db, city, { code: k.code, asOf, window: campaign })))).flat();
    expect(layer.features.map(metricsOf)).toEqual(expected);
    for (const f of layer.features) {
      expect(f.properties.parentCode).toBe(f.id.slice(0, 7));
      const { konversiPenolakan: _k, ...derived } = mapMetricValues(f.properties, { peak: 0, converted: 0 });
      expect(f.properties).toMatchObject(derived);
      expect(f.properties.value).toBe(f.properties.progres);
      expect(f.properties.labelPoint).toHaveLength(2);
      expect(f.properties.kemendagriCode).toMatch(/^64\.71\.\d{2}\.\d{4}$/);
    }
  });

  it('colours by open refusals and their conversion, the same figures as the refusal overview', async () => {
    const layer = (await geo(city, '6471', { level: 'kelurahan' }))!;
    for (const f of layer.features.slice(0, 4)) {
      const overview = (await getRefusalOverview(database.db, city, { code: f.id, asOf }))!;
      expect(f.properties.penolakanTerbuka).toBe(overview.area.menolak);
      expect(f.properties.konversiPenolakan).toBe(overview.area.konversiPenolakan);
    }
  });

  it('serves the simplified boundaries, well under 150 KB gzipped for the kelurahan layer', async () => {
    const layer = (await geo(city, '6471', { level: 'kelurahan' }))!;
    const [full] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int n from area_boundary where simplified is not null`);
    expect(full.n).toBe(40);
    const rows = await queryRows<{ code: string; geometry: Polygon }>(database.db, sql`select code, geometry from area_boundary where length(code) = 10`);
    const original = rows.reduce((s, r) => s + countPositions(r.geometry), 0);
    const served = layer.features.reduce((s, f) => s + countPositions(f.geometry), 0);
    expect(served).toBeLessThan(original / 2);
    const gz = gzipSync(JSON.stringify(layer)).length;
    console.log(`kelurahan layer: ${JSON.stringify(layer).length} bytes, ${gz} bytes gzipped, ${served}/${original} vertices`);
    expect(gz).toBeLessThan(150 * 1024);
  });

  it('gives a kecamatan its kelurahan and a kelurahan its SLS, which have no polygon', async () => {
    const kec = (await geo(city, '6471010'))!;
    expect(kec.level).toBe('kelurahan');
    expect(kec.features.map((f) => f.id)).toEqual(['6471010006', '6471010007', '6471010008', '6471010009', '6471010010', '6471010011', '6471010012']);
    expect(kec.area.geometry?.type).toMatch(/Polygon/);
    const ignoredLevel = (await geo(city, '6471010', { level: 'kecamatan' }))!;
    expect(ignoredLevel.features.map((f) => f.id)).toEqual(kec.features.map((f) => f.id));
    const kel = (await geo(city, '6471020002'))!;
    expect(kel.level).toBe('sls');
    expect(kel.features.length).toBeGreaterThan(10);
    expect(kel.features.every((f) => f.geometry === null && f.properties.labelPoint === null)).toBe(true);
    expect(kel.features.map(metricsOf)).toEqual(await listAreaChildren(database.db, city, { code: '6471020002', asOf, window: campaign }));
    expect(kel.area.geometry?.type).toMatch(/Polygon/);
  });

  it('follows the as-of date', async () => {
    const early = (await geo(city, '6471', { asOf: '2022-10-16' }))!;
    const late = (await geo())!;
    expect(early.asOf).toBe('2022-10-16');
    early.features.forEach((f, i) => expect(f.properties.selesai).toBeLessThan(late.features[i].properties.selesai));
  });

  it('answers a lurah only for their own kelurahan, and a camat only inside their kecamatan', async () => {
    const lurah = areaScope('6471020002');
    expect(await geo(lurah, '6471')).toBeNull();
    expect(await geo(lurah, '6471020')).toBeNull();
    expect(await geo(lurah, '6471020001')).toBeNull();
    const own = (await geo(lurah, '6471020002'))!;
    expect(own.features.every((f) => f.id.startsWith('6471020002'))).toBe(true);
    const camat = areaScope('6471020');
    expect(await geo(camat, '6471', { level: 'kelurahan' })).toBeNull();
    expect(await geo(camat, '6471010')).toBeNull();
    expect((await geo(camat, '6471020'))!.features).toHaveLength(4);
  });
});
