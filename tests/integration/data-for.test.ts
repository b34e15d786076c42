// dataFor(viewer) / dataOn(db, viewer): the request's data access applies the viewer's Scope to
// every read and the viewer's identity to every write, and a caller cannot substitute either.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import type { Viewer } from '@/lib/domain/roles';
import { areaScope } from '@/lib/domain/scope';
import { dataOn, systemViewer } from '@/lib/server/data';
import { databaseTargets } from './support';

describe.each(databaseTargets())('dataFor on $name', (target) => {
  let database: Database;
  const admin: Viewer = { username: 'admin', role: 'admin', scope: areaScope('6471'), homeArea: '6471', officerCode: null };
  const lurah: Viewer = { username: 'lurah-gunung-bahagia', role: 'lurah', scope: areaScope('6471020002'), homeArea: '6471020002', officerCode: null };

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
  });
  afterAll(() => database?.close());

  it("reads in the viewer's scope: a lurah opens their kelurahan, not the one next door", async () => {
    const city = dataOn(database.db, admin);
    const own = dataOn(database.db, lurah);
    const [next] = (await city.listAreaChildren({ code: '6471020', asOf: (await city.getCampaign())!.defaultAsOf, window: (await city.getCampaign())!, level: 'kelurahan' }))
      .map((a) => a.code)
      .filter((code) => code !== '6471020002');
    expect(next).toBeDefined();
    expect(await city.getArea(next)).not.toBeNull();
    expect(await own.getArea(next)).toBeNull();
    expect((await own.getArea('6471020002'))?.code).toBe('6471020002');
    const mine = await own.searchAreas('647102000');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.code.startsWith('6471020002'))).toBe(true);
    expect(await own.searchAreas(next)).toEqual([]);
    expect((await city.searchAreas(next)).map((a) => a.code)).toContain(next);
  });

  it("writes as the viewer, with the request's address, whatever the caller passes", async () => {
    const data = dataOn(database.db, admin, { ip: '198.51.100.9' });
    const created = await data.createUser({ username: 'lurah-lewat-data', name: 'Lurah Data', password: 'a-long-password-1', role: 'lurah', root: '6471020002' });
    expect(created).toEqual({ ok: true });
    const { rows } = await data.listAuditLog({ action: 'user', q: 'lurah-lewat-data', page: 1, pageSize: 5 });
    expect(rows[0]).toMatchObject({ actor: 'admin', action: 'user.create', target: 'lurah-lewat-data', ip: '198.51.100.9' });
    // A lurah's data cannot create accounts in another scope: the root must lie inside theirs.
    const narrow = dataOn(database.db, lurah);
    expect(await narrow.createUser({ username: 'x-lurah', name: 'X', password: 'a-long-password-1', role: 'lurah', root: '6471020001' })).toEqual({ ok: false, error: 'root_not_found' });
  });

  it("lists imports by the viewer's own name, never a name the caller slips in", async () => {
    const narrow = dataOn(database.db, { ...lurah, username: 'nobody-imported' });
    const listImports = narrow.listImports as (params: object) => ReturnType<typeof narrow.listImports>;
    await database.db.execute(sql`insert into import_job (kode_kota, kind, source, status, created_by) values
      ('6471', 'reports', 'upload', 'applied', 'someone-else'), ('6471', 'reports', 'upload', 'applied', 'nobody-imported')`);
    const city = await dataOn(database.db, admin).listImports({ page: 1, pageSize: 100 });
    expect(city.items.map((i) => i.createdBy)).toEqual(expect.arrayContaining(['someone-else', 'nobody-imported']));
    const own = await listImports({ username: 'someone-else', page: 1, pageSize: 100 });
    expect(own.items.map((i) => i.createdBy)).toEqual(['nobody-imported']);
  });

  it('runs system work as an admin of one kab/kota only', async () => {
    const system = systemViewer('6471', 'arsip');
    expect(system).toEqual({ username: 'pantau-arsip', role: 'admin', scope: areaScope('6471'), homeArea: '6471', officerCode: null });
    const data = dataOn(database.db, system);
    expect((await data.getCampaign())?.kodeKota).toBe('6471');
    expect(await data.getArea('9901')).toBeNull();
  });
});
