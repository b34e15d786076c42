import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '@/lib/db/client';
import { rebuildRollups } from '@/lib/db/rollup';
import { lockKota } from '@/lib/ingest/import-job';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope, type Scope } from '@/lib/domain/scope';
import { getAreaSummary } from '@/lib/queries/areas';
import { getCampaign, type Campaign } from '@/lib/queries/campaign';
import { getOfficer, listOfficers, listSilentOfficers, type ListOfficersParams, type OfficerRow } from '@/lib/queries/officers';
import { databaseTargets } from './support';

const AS_OF = '2022-11-02';
const COUNTS = ['prelist', 'keluargaBaru', 'selesai', 'menolak', 'tidakDitemui', 'tidakDitemukan'] as const;

function sumCounts(rows: readonly OfficerRow[]) {
  return Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)]));
}

describe.each(databaseTargets())('officers on $name', (target) => {
  let database: Database;
  let campaign: Campaign;
  const city = areaScope('6471');
  const all = async (scope: Scope, extra: Partial<ListOfficersParams> = {}) =>
    (await listOfficers(database.db, scope, { asOf: AS_OF, window: campaign, pageSize: 100_000, ...extra })).rows;

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    campaign = (await getCampaign(database.db, city))!;
  });
  afterAll(() => database?.close());

  it("sums the PPL's figures to the area totals of the city and of a kecamatan", async () => {
    const ppl = await all(city, { role: 'ppl' });
    expect(ppl).toHaveLength(883);
    const kota = await getAreaSummary(database.db, city, { code: '6471', asOf: AS_OF, window: campaign });
    expect(sumCounts(ppl)).toEqual(Object.fromEntries(COUNTS.map((k) => [k, kota![k]])));
    const kec = await getAreaSummary(database.db, city, { code: '6471020', asOf: AS_OF, window: campaign });
    const kecPpl = await all(city, { role: 'ppl', kecamatan: '6471020' });
    expect(sumCounts(kecPpl)).toEqual(Object.fromEntries(COUNTS.map((k) => [k, kec![k]])));
  });

  it("gives every PML the sums of their PPL and the team's sub-SLS", async () => {
    const rows = await all(city);
    const pml = rows.filter((r) => r.role === 'pml');
    expect(pml).toHaveLength(221);
    for (const p of pml) {
      const team = rows.filter((r) => r.supervisorCode === p.code);
      expect(team.length).toBeGreaterThan(0);
      expect(Object.fromEntries(COUNTS.map((k) => [k, p[k]]))).toEqual(sumCounts(team));
      expect(p.subslsCount).toBe(team.reduce((s, r) => s + r.subslsCount, 0));
    }
    const detail = await getOfficer(database.db, city, { code: pml[0].code, asOf: AS_OF, window: campaign });
    expect(detail?.teamTotals?.code).toBe(pml[0].code);
    expect(detail?.subsls.map((s) => s.code).length).toBe(pml[0].subslsCount);
    expect(detail?.subsls.reduce((s, x) => s + x.selesai, 0)).toBe(pml[0].selesai);
    expect(detail?.daily.at(-1)).toMatchObject({ tanggal: AS_OF, closed: pml[0].closed });
  });

  it('flags exactly the PPL silent for 3+ days and finds every PPL with a 60+ families day', async () => {
    const silent = await queryRows<{ code: string }>(
      database.db,
      sql`select s.kode_petugas as code from assignment s left join report r on r.kode_subsls = s.kode_subsls and r.tanggal <= ${AS_OF}::date
      group by 1 having coalesce(max(r.tanggal), '2022-10-14'::date) <= ${AS_OF}::date - 3`,
    );
    const fast = await queryRows<{ code: string }>(
      database.db,
      sql`select code from (
        select s.kode_petugas as code, d.tanggal, sum(d.selesai + d.tidak_ditemukan) - lag(sum(d.selesai + d.tidak_ditemukan)) over (partition by s.kode_petugas order by d.tanggal) as pace
        from assignment s join area_day d on d.code = s.kode_subsls and d.tanggal <= ${AS_OF}::date group by 1, 2
      ) x group by code having max(pace) >= 60`,
    );
    expect(silent.length).toBeGreaterThanOrEqual(30);
    expect(fast.length).toBeGreaterThanOrEqual(3);
    const flagged = (id: string) => all(city, { flag: id as ListOfficersParams['flag'] }).then((rows) => rows.map((r) => r.code).sort());
    expect(await flagged('lama_tidak_lapor')).toEqual(silent.map((r) => r.code).sort());
    expect(await flagged('laju_tidak_wajar')).toEqual(expect.arrayContaining(fast.map((r) => r.code)));
    const rows = await all(city);
    for (const r of rows.filter((x) => x.flags.length > 0)) {
      for (const f of r.flags) expect(f.message.id).toMatch(/[Pp]erlu d/);
    }
  });

  it('flags the demo’s downward correction on the PPL who reported it', async () => {
    const drops = await queryRows<{ kode_petugas: string }>(
      database.db,
      sql`select kode_petugas from (select kode_petugas, selesai, lag(selesai) over (partition by kode_subsls order by tanggal) prev from report) x where selesai < prev`,
    );
    expect(drops.length).toBeGreaterThan(0);
    const flagged = (await all(city, { flag: 'hitungan_turun' })).map((r) => r.code);
    expect(flagged).toEqual(expect.arrayContaining(drops.map((d) => d.kode_petugas)));
  });

  it('pages and sorts on the server, nulls last, by days silent and by pace', async () => {
    const page1 = await listOfficers(database.db, city, { asOf: AS_OF, window: campaign, sort: 'daysSilent', dir: 'desc', page: 1, pageSize: 50 });
    expect(page1.total).toBe(1116);
    expect(page1.pageCount).toBe(23);
    expect(page1.rows).toHaveLength(50);
    const silent = page1.rows.map((r) => r.daysSilent);
    expect(silent).toEqual([...silent].sort((a, b) => b - a));
    const page2 = await listOfficers(database.db, city, { asOf: AS_OF, window: campaign, sort: 'daysSilent', dir: 'desc', page: 2, pageSize: 50 });
    expect(page2.rows[0].daysSilent).toBeLessThanOrEqual(silent[49]);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.code)).size).toBe(100);
    const pace = (await all(city, { role: 'ppl', sort: 'pace7', dir: 'asc' })).map((r) => r.pace7);
    expect(pace).toEqual([...pace].sort((a, b) => a - b));
    const finish = (await all(city, { sort: 'projectedFinish', dir: 'desc' })).map((r) => r.projectedFinish);
    const firstNull = finish.indexOf(null);
    if (firstNull >= 0) expect(finish.slice(firstNull).every((f) => f === null)).toBe(true);
  });

  it("filters by PML, status, search and area, and counts statuses over the other filters", async () => {
    const pml = (await all(city, { role: 'pml' }))[3];
    const team = await listOfficers(database.db, city, { asOf: AS_OF, window: campaign, pml: pml.code });
    expect(team.rows.length).toBeGreaterThan(0);
    expect(team.rows.every((r) => r.supervisorCode === pml.code && r.role === 'ppl')).toBe(true);
    expect(Object.values(team.counts.status).reduce((a, b) => a + b, 0)).toBe(team.total);
    const late = await all(city, { status: 'belum_lapor' });
    expect(late.every((r) => r.status === 'belum_lapor' && r.daysSilent >= 2)).toBe(true);
    expect((await all(city, { q: pml.code })).map((r) => r.code)).toEqual([pml.code]);
    expect((await all(city, { q: pml.name.split(' ')[0].toLowerCase() })).some((r) => r.code === pml.code)).toBe(true);
    const kel = await all(city, { kelurahan: '6471020002' });
    expect(kel.length).toBeGreaterThan(0);
    expect(kel.every((r) => r.kelurahanCode === '6471020002')).toBe(true);
  });

  it('lists the PPL with no report on the as-of date, grouped in kecamatan and PML order', async () => {
    const rows = await listSilentOfficers(database.db, city, { asOf: AS_OF, window: campaign });
    const expected = await queryRows<{ code: string }>(
      database.db,
      sql`select o.code from officer o where o.role = 'ppl' and not exists (
        select 1 from assignment s join report r on r.kode_subsls = s.kode_subsls and r.tanggal = ${AS_OF}::date where s.kode_petugas = o.code)`,
    );
    expect(rows.map((r) => r.code).sort()).toEqual(expected.map((r) => r.code).sort());
    const order = rows.map((r) => `${r.kecamatanName}|${r.supervisorCode}`);
    expect(new Set(order).size).toBe(order.filter((k, i) => i === 0 || k !== order[i - 1]).length);
  });

  it('shows a lurah only the officers of their kelurahan and hides the others like missing ones', async () => {
    const lurah = areaScope('6471020002');
    const seen = await all(lurah);
    expect(seen.length).toBeGreaterThan(0);
    const assigned = await queryRows<{ code: string }>(database.db, sql`select distinct kode_petugas as code from assignment where kode_subsls like '6471020002%'`);
    expect(seen.map((r) => r.code).sort()).toEqual(assigned.map((r) => r.code).sort());
    const foreign = (await all(city, { role: 'ppl' })).find((r) => r.kelurahanCode !== '6471020002')!;
    expect(await getOfficer(database.db, lurah, { code: foreign.code, asOf: AS_OF, window: campaign })).toBeNull();
    expect(await getOfficer(database.db, lurah, { code: 'NOPE', asOf: AS_OF, window: campaign })).toBeNull();
    const own = await getOfficer(database.db, lurah, { code: seen[0].code, asOf: AS_OF, window: campaign });
    expect(own?.officer.code).toBe(seen[0].code);
    expect(own?.supervisor).toBeNull(); // the PML is not in a lurah's scope
    expect(own?.subsls.every((s) => s.code.startsWith('6471020002'))).toBe(true);
    const silent = await listSilentOfficers(database.db, lurah, { asOf: AS_OF, window: campaign });
    expect(silent.every((r) => r.kelurahanCode === '6471020002' && r.supervisorPhone === null)).toBe(true);
  });

  it('shows a PPL who also works next door to each lurah with that kelurahan’s part only', async () => {
    // The demo hands 1–2 % of PPL a sub-SLS of the neighbouring kelurahan (lib/demo/officers.ts).
    const crossing = await queryRows<{ code: string; home: string; other: string; n_home: number; n_other: number }>(
      database.db,
      sql`select o.code, o.area_code as home, min(left(s.kode_subsls, 10)) filter (where left(s.kode_subsls, 10) <> o.area_code) as other,
        count(*) filter (where left(s.kode_subsls, 10) = o.area_code)::int as n_home,
        count(*) filter (where left(s.kode_subsls, 10) <> o.area_code)::int as n_other
      from officer o join assignment s on s.kode_petugas = o.code where o.role = 'ppl'
      group by o.code, o.area_code having count(distinct left(s.kode_subsls, 10)) > 1 order by o.code`,
    );
    expect(crossing.length).toBeGreaterThanOrEqual(9);
    const names = new Map((await queryRows<{ code: string; name: string }>(database.db, sql`select code, name from area where length(code) <= 10`)).map((a) => [a.code, a.name]));
    for (const x of crossing.slice(0, 4)) {
      const whole = (await all(city, { q: x.code }))[0];
      expect(whole.subslsCount).toBe(x.n_home + x.n_other);
      for (const [kel, n] of [[x.other, x.n_other], [x.home, x.n_home]] as const) {
        const lurah = areaScope(kel);
        const rows = await all(lurah);
        const row = rows.find((r) => r.code === x.code)!;
        // Only this kelurahan's sub-SLS: the count, the figures, the series and the place.
        expect(row.subslsCount).toBe(n);
        expect(row.prelist).toBeLessThan(whole.prelist);
        expect([row.areaCode, row.kelurahanCode]).toEqual([kel, kel]);
        const detail = (await getOfficer(database.db, lurah, { code: x.code, asOf: AS_OF, window: campaign }))!;
        expect(detail.subsls.map((s) => s.code.slice(0, 10))).toEqual(new Array(n).fill(kel));
        expect(detail.subsls.reduce((a, s) => a + s.prelist, 0)).toBe(row.prelist);
        expect(detail.daily.at(-1)?.closed).toBe(row.closed);
        expect(detail.officer.sparkline).toEqual(row.sparkline);
        // The lurah's PPL add up to their kelurahan, so nothing of the neighbour can be subtracted out.
        const area = (await getAreaSummary(database.db, lurah, { code: kel, asOf: AS_OF, window: campaign }))!;
        expect(sumCounts(rows.filter((r) => r.role === 'ppl'))).toEqual(Object.fromEntries(COUNTS.map((k) => [k, area[k]])));
        // No supervisor outside the scope is named; no flag quotes an area the lurah cannot open.
        expect(rows.every((r) => r.supervisorCode === null && r.supervisorName === null)).toBe(true);
        // (A name inside the kelurahan's own — Damai in Damai Bahagia — is no evidence.)
        const unseen = [...names].filter(([code, name]) => !code.startsWith(kel) && !names.get(kel)!.includes(name)).map(([, name]) => name);
        const quoted = rows.flatMap((r) => r.flags.flatMap((f) => [f.message.id, f.message.en]));
        expect(quoted.filter((m) => unseen.some((name) => m.includes(name)))).toEqual([]);
      }
    }
  });

  it('quotes no area outside the scope in any flag, for every lurah and camat and the PML and PPL concerned', async () => {
    const areas = await queryRows<{ code: string; name: string }>(database.db, sql`select code, name from area where length(code) <= 10`);
    // The teams and PPL whose flags compare with an area in the city's view: they must not in theirs.
    const compared = (await all(city, { role: 'ppl' })).filter((r) => r.flags.some((f) => f.id === 'laju_tidak_wajar' || f.id === 'penolakan_tinggi'));
    expect(compared.length).toBeGreaterThan(0);
    const teams = [...new Set(compared.map((r) => r.supervisorCode!))].map((officerCode): Scope => ({ kind: 'team', kodeKota: '6471', officerCode }));
    const own = compared.map((r): Scope => ({ kind: 'officer', kodeKota: '6471', officerCode: r.code }));
    const scopes = [...areas.filter((a) => a.code.length > 4).map((a) => areaScope(a.code)), ...teams, ...own];
    for (const scope of scopes) {
      const root = scope.kind === 'area' ? scope.areaCode : null;
      // Names of areas the scope cannot open; a name that is also an open area's (a kelurahan named like its kecamatan) is not evidence.
      const open = new Set(areas.filter((a) => root !== null && a.code.startsWith(root)).map((a) => a.name));
      const unseen = areas.filter((a) => !(root !== null && a.code.startsWith(root)) && ![...open].some((o) => o.includes(a.name)));
      for (const r of await all(scope)) {
        for (const f of r.flags) {
          for (const a of unseen) expect(f.message.en.includes(`in ${a.name} (`) || f.message.en.includes(`above ${a.name} (`), `${JSON.stringify(scope)} ${f.message.en}`).toBe(false);
        }
      }
    }
  });

  it('shows a PML their team and themselves only', async () => {
    const pml = (await all(city, { role: 'pml' }))[0];
    const team: Scope = { kind: 'team', kodeKota: '6471', officerCode: pml.code };
    const seen = await all(team);
    const expected = (await all(city)).filter((r) => r.code === pml.code || r.supervisorCode === pml.code);
    expect(seen.map((r) => r.code).sort()).toEqual(expected.map((r) => r.code).sort());
    const detail = await getOfficer(database.db, team, { code: pml.code, asOf: AS_OF, window: campaign });
    expect(detail?.team.map((r) => r.code).sort()).toEqual(expected.filter((r) => r.role === 'ppl').map((r) => r.code).sort());
  });

  it('answers from fresh data after a report or an assignment changes', async () => {
    const [before] = await all(city, { role: 'ppl', sort: 'selesai', dir: 'desc' });
    const [row] = await queryRows<{ kode_subsls: string; tanggal: string }>(
      database.db,
      sql`select r.kode_subsls, r.tanggal::text from report r join assignment s on s.kode_subsls = r.kode_subsls
      where s.kode_petugas = ${before.code} and r.tanggal <= ${AS_OF}::date order by r.tanggal desc limit 1`,
    );
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update report set selesai = selesai - 1, menolak = menolak + 1 where kode_subsls = ${row.kode_subsls} and tanggal = ${row.tanggal}`);
      await rebuildRollups(tx, '6471', [row.kode_subsls.slice(0, 10)], row.tanggal);
    });
    const after = (await all(city, { q: before.code }))[0];
    expect(after.selesai).toBe(before.selesai - 1);
    expect(after.menolak).toBe(before.menolak + 1);

    const other = (await all(city, { role: 'ppl', pml: before.supervisorCode! })).find((r) => r.code !== before.code)!;
    // As every write of master data does (lib/ingest/import-file.ts): under the kab/kota's write lock.
    await database.db.transaction(async (tx) => {
      await lockKota(tx, '6471');
      await tx.execute(sql`update assignment set kode_petugas = ${other.code} where kode_subsls = ${row.kode_subsls}`);
    });
    const moved = (await all(city, { q: before.code }))[0];
    expect(moved.subslsCount).toBe(before.subslsCount - 1);
  });
});
