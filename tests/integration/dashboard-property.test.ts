import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAreaBody, getChildrenBody, getDailyBody } from '@/lib/api/area-bodies';
import { bulkInsert } from '@/lib/db/bulk';
import { queryRows, type Database, type Db } from '@/lib/db/client';
import { rebuildRollups } from '@/lib/db/rollup';
import { areaScope, type Scope } from '@/lib/domain/scope';
import { getCampaign, type Campaign } from '@/lib/queries/campaign';
import { differences, Recomputation, type RawArea, type RawReport } from './recompute';
import { databaseTargets } from './support';
import { dataOn } from '@/lib/server/data';

// A small synthetic city owned by this suite: 2 kecamatan, 3 kelurahan, 5 SLS (one split in two),
// 6 sub-SLS, 3 PPL under 1 PML; a 10-day window with 2 grace days.
const KOTA = '9901';
const WINDOW = { startDate: '2024-03-01', endDate: '2024-03-10', graceDays: 2 };
const DATES = Array.from({ length: 12 }, (_, i) => `2024-03-${String(i + 1).padStart(2, '0')}`);
const SUBSLS: { code: string; prelist: number; ppl: string }[] = [
  { code: '9901010001000100', prelist: 40, ppl: 'P1' },
  { code: '9901010001000200', prelist: 25, ppl: 'P1' },
  { code: '9901010002000101', prelist: 30, ppl: 'P2' },
  { code: '9901010002000102', prelist: 35, ppl: 'P3' },
  { code: '9901020001000100', prelist: 50, ppl: 'P3' },
  { code: '9901020001000200', prelist: 0, ppl: 'P2' },
];

function cityAreas(): RawArea[] {
  const areas = new Map<string, RawArea>([[KOTA, { code: KOTA, level: 'kota', parent_code: null, prelist: 0 }]]);
  for (const s of SUBSLS) {
    for (const [len, level, parentLen] of [[7, 'kecamatan', 4], [10, 'kelurahan', 7], [14, 'sls', 10]] as const) {
      const code = s.code.slice(0, len);
      if (!areas.has(code)) areas.set(code, { code, level, parent_code: code.slice(0, parentLen), prelist: 0 });
    }
    areas.set(s.code, { code: s.code, level: 'subsls', parent_code: s.code.slice(0, 14), prelist: s.prelist });
  }
  return [...areas.values()];
}

async function insertCity(db: Db): Promise<void> {
  await db.execute(sql`insert into campaign (kode_kota, name, start_date, end_date, grace_days)
    values (${KOTA}, 'Kota Uji', ${WINDOW.startDate}, ${WINDOW.endDate}, ${WINDOW.graceDays})`);
  const areas = cityAreas().sort((a, b) => a.code.length - b.code.length);
  await bulkInsert(db, 'area', [
    ['code', 'text', areas.map((a) => a.code)],
    ['kode_kota', 'text', areas.map(() => KOTA)],
    ['level', 'text', areas.map((a) => a.level)],
    ['parent_code', 'text', areas.map((a) => a.parent_code)],
    ['name', 'text', areas.map((a) => `Wilayah ${a.code}`)],
    ['prelist', 'int4', areas.map((a) => a.prelist)],
  ]);
  await db.execute(sql`insert into officer (code, kode_kota, role, name, supervisor_code, area_code) values
    ('M1', ${KOTA}, 'pml', 'Pengawas Satu', null, '9901010'),
    ('P1', ${KOTA}, 'ppl', 'Petugas Satu', 'M1', '9901010001'),
    ('P2', ${KOTA}, 'ppl', 'Petugas Dua', 'M1', '9901010002'),
    ('P3', ${KOTA}, 'ppl', 'Petugas Tiga', 'M1', '9901020001')`);
  await bulkInsert(db, 'assignment', [
    ['kode_subsls', 'text', SUBSLS.map((s) => s.code)],
    ['kode_kota', 'text', SUBSLS.map(() => KOTA)],
    ['kode_petugas', 'text', SUBSLS.map((s) => s.ppl)],
  ]);
}

interface Op {
  sub: number;
  day: number;
  counts: [selesai: number, menolak: number, tidakDitemui: number, tidakDitemukan: number, keluargaBaru: number];
}

/** A report: any date of the window plus grace, counts that keep the sum rule (≤ prelist + keluarga baru). */
const opArb: fc.Arbitrary<Op> = fc
  .record({
    sub: fc.nat(SUBSLS.length - 1),
    day: fc.nat(DATES.length - 1),
    raw: fc.tuple(fc.nat(60), fc.nat(10), fc.nat(10), fc.nat(10), fc.nat(6)),
  })
  .map(({ sub, day, raw: [s, m, ti, tk, kb] }) => {
    let room = SUBSLS[sub].prelist + kb;
    const take = (n: number) => {
      const v = Math.min(n, room);
      room -= v;
      return v;
    };
    return { sub, day, counts: [take(s), take(m), take(ti), take(tk), kb] };
  });

/** Applies one batch as an import would: history appended, current row replaced, rollups rebuilt in the same transaction. */
async function applyBatch(db: Db, batch: Op[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const op of batch) {
      const s = SUBSLS[op.sub];
      const [selesai, menolak, ti, tk, kb] = op.counts;
      const values = sql`${s.code}, ${DATES[op.day]}::date, ${KOTA}, ${s.ppl}, ${selesai}, ${menolak}, ${ti}, ${tk}, ${kb}, ${s.prelist}, 'test', now(), 'api'`;
      await tx.execute(sql`insert into report_history (kode_subsls, tanggal, kode_kota, kode_petugas, selesai, menolak, tidak_ditemui,
        tidak_ditemukan, keluarga_baru, prelist, submitted_by, submitted_at, source, version) values (${values}, 1)`);
      await tx.execute(sql`insert into report (kode_subsls, tanggal, kode_kota, kode_petugas, selesai, menolak, tidak_ditemui,
        tidak_ditemukan, keluarga_baru, prelist, submitted_by, submitted_at, source) values (${values})
        on conflict (kode_subsls, tanggal, kode_kota) do update set selesai = excluded.selesai, menolak = excluded.menolak,
          tidak_ditemui = excluded.tidak_ditemui, tidak_ditemukan = excluded.tidak_ditemukan, keluarga_baru = excluded.keluarga_baru,
          version = report.version + 1`);
    }
    const kelurahan = batch.map((op) => SUBSLS[op.sub].code.slice(0, 10));
    const from = batch.map((op) => DATES[op.day]).sort()[0];
    await rebuildRollups(tx, KOTA, kelurahan, from);
  });
}

/** What the raw rows must hold after the sequence: per (sub-SLS, date) the last report to arrive. */
function modelReports(ops: Op[]): RawReport[] {
  const last = new Map<string, RawReport>();
  for (const op of ops) {
    const [selesai, menolak, tidak_ditemui, tidak_ditemukan, keluarga_baru] = op.counts;
    const kode_subsls = SUBSLS[op.sub].code;
    last.set(`${kode_subsls}|${op.day}`, { kode_subsls, tanggal: DATES[op.day], selesai, menolak, tidak_ditemui, tidak_ditemukan, keluarga_baru });
  }
  return [...last.values()];
}

const viewerOfScope = (scope: Scope) => ({ username: 'tester', role: 'admin' as const, scope, homeArea: null, officerCode: null });

describe.each(databaseTargets())('area API against generated report sequences on $name', (target) => {
  let database: Database;
  let campaign: Campaign;
  const scope = areaScope(KOTA);
  const areas = cityAreas();

  beforeAll(async () => {
    database = await target.open();
    await insertCity(database.db);
    await database.db.transaction((tx) => rebuildRollups(tx, KOTA, 'all'));
    campaign = (await getCampaign(database.db, scope))!;
  });
  afterAll(() => database?.close());

  it('answers exactly the recomputation after replacements, gaps and out-of-order arrival', async () => {
    const sequence = fc.record({
      // Arrival order is the array order: dates arrive shuffled, the same key twice is a replacement.
      ops: fc.array(opArb, { minLength: 1, maxLength: 24 }),
      cuts: fc.array(fc.nat(24), { maxLength: 5 }),
      asOfs: fc.tuple(fc.nat(DATES.length - 1), fc.nat(DATES.length - 1)),
    });
    await fc.assert(
      fc.asyncProperty(sequence, async ({ ops, cuts, asOfs }) => {
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`delete from report where kode_kota = ${KOTA}`);
          await tx.execute(sql`delete from report_history where kode_kota = ${KOTA}`);
          await rebuildRollups(tx, KOTA, 'all');
        });
        const bounds = [...new Set([0, ...cuts.filter((c) => c < ops.length), ops.length])].sort((a, b) => a - b);
        for (let i = 1; i < bounds.length; i++) if (bounds[i] > bounds[i - 1]) await applyBatch(database.db, ops.slice(bounds[i - 1], bounds[i]));

        const expected = modelReports(ops);
        const stored = await queryRows<RawReport>(
          database.db,
          sql`select kode_subsls, tanggal::text as tanggal, selesai, menolak, tidak_ditemui, tidak_ditemukan, keluarga_baru from report where kode_kota = ${KOTA}`,
        );
        const key = (r: RawReport) => `${r.kode_subsls}|${r.tanggal}`;
        expect(stored.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));

        const recompute = new Recomputation(areas, expected, WINDOW, new Map(SUBSLS.map((x) => [x.code, x.ppl])));
        // The complete days move with the data: the campaign is read afresh, and must agree with the recomputation.
        campaign = (await getCampaign(database.db, scope))!;
        const completeThrough = recompute.completeThrough();
        expect(campaign.completeThrough).toBe(completeThrough);
        for (const asOf of asOfs.map((d) => DATES[d])) {
          for (const area of areas) {
            const body = await getAreaBody(dataOn(database.db, viewerOfScope(scope)), campaign, area.code, asOf);
            expect(differences(body!, { code: area.code, ...recompute.metrics(area.code, asOf, completeThrough) }), `${area.code} ${asOf}`).toEqual([]);
            if (area.level === 'subsls') continue;
            const children = await getChildrenBody(dataOn(database.db, viewerOfScope(scope)), campaign, { code: area.code, asOf });
            expect(children!.children.map((c) => c.code)).toEqual(recompute.below(area.code));
            for (const c of children!.children) expect(differences(c, recompute.metrics(c.code, asOf, completeThrough)), `${c.code} ${asOf}`).toEqual([]);
          }
        }
        for (const area of areas.filter((a) => a.level !== 'subsls')) {
          const daily = await getDailyBody(dataOn(database.db, viewerOfScope(scope)), campaign, { code: area.code, from: DATES[0], to: DATES.at(-1)! });
          const want = recompute.daily(area.code, DATES[0], DATES.at(-1)!);
          daily!.days.forEach((d, i) => expect(differences(d, want[i]), `${area.code} ${want[i].tanggal}`).toEqual([]));
        }
      }),
      { numRuns: target.name === 'pglite' ? 40 : 25 },
    );
  });
});
