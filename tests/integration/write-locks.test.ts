// Writers of different kelurahan do not wait for each other (issue #16 §1): a report write holds
// its kab/kota's lock shared and its kelurahan's exclusively (writeKota), and meets other writers
// only on the kecamatan/kota rollup rows and the campaign row, which it updates last. A write of
// the same kelurahan, or of master data, still waits. PostgreSQL only: PGlite runs one
// transaction at a time whatever the locks.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '@/lib/db/client';
import { checkRollups } from '@/lib/db/check';
import { seedDemo } from '@/lib/demo/seed';
import { applyReports } from '@/lib/ingest/apply-reports';
import { startImport, writeKota } from '@/lib/ingest/import-job';
import { submitReports } from '@/lib/ingest/submit-reports';
import { actor } from './ingest-support';
import { databaseTargets } from './support';

const admin = actor('admin');
const targets = databaseTargets().filter((t) => t.name === 'postgres');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Settles within `ms`: true when `p` did, false when it is still waiting. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  for (let t = 0; t < ms && !done; t += 25) await sleep(25);
  return done;
}

interface Sub {
  code: string;
  ppl: string;
}

describe.skipIf(targets.length === 0).each(targets)('write locks on $name', (target) => {
  let database: Database;
  const db = () => database.db;
  let subs: Sub[] = [];

  const row = (s: Sub, selesai: number) => ({ tanggal: '2022-11-03', kodeSubsls: s.code, kodePetugas: s.ppl, selesai, menolak: 0, tidakDitemui: 0, tidakDitemukan: 0, keluargaBaru: 0 });
  const parsed = (s: Sub, selesai: number) => [{ index: 0, values: {}, record: row(s, selesai) }];

  /** A report write of `s`'s kelurahan that holds its locks until `gate` opens, before writing anything. */
  function heldWrite(s: Sub, gate: Promise<void>) {
    return writeKota(
      db(),
      '6471',
      async (tx) => {
        await gate;
        const importId = await startImport(tx, { kodeKota: '6471', kind: 'reports', source: 'api', filename: null, createdBy: admin.username });
        return applyReports(tx, admin, parsed(s, 1), { source: 'api', importId, fieldName: (k) => k });
      },
      { kind: 'kelurahan', codes: [s.code.slice(0, 10)] },
    );
  }

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    // Three sub-SLS: two in one kelurahan, one in a kelurahan of another kecamatan.
    const rows = await queryRows<Sub>(db(), sql`select kode_subsls as code, kode_petugas as ppl from assignment order by kode_subsls`);
    const first = rows[0];
    const sameKel = rows.find((r) => r.code.slice(0, 10) === first.code.slice(0, 10) && r.code !== first.code)!;
    const otherKec = rows.find((r) => r.code.slice(0, 7) !== first.code.slice(0, 7))!;
    subs = [first, sameKel, otherKec];
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('a write of another kelurahan goes through while one holds its kelurahan; one of the same kelurahan waits', async () => {
    const [held, sameKel, other] = subs;
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const first = heldWrite(held, gate);
    await sleep(200);

    const otherWrite = submitReports(db(), admin, [row(other, 2)], { source: 'api' });
    expect(await settlesWithin(otherWrite, 10_000)).toBe(true);
    expect((await otherWrite).accepted).toBe(1);

    const sameWrite = submitReports(db(), admin, [row(sameKel, 3)], { source: 'api' });
    expect(await settlesWithin(sameWrite, 500)).toBe(false);

    open();
    expect((await first).accepted).toBe(1);
    expect((await sameWrite).accepted).toBe(1);
    expect(await checkRollups(db())).toEqual([]);
  });

  it('a write of master data waits for report writes, and they for it', async () => {
    const [held] = subs;
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const first = heldWrite(held, gate);
    await sleep(200);
    const master = writeKota(db(), '6471', async (tx) => {
      await tx.execute(sql`update officer set active = active where kode_kota = '6471'`);
      return 'done';
    });
    expect(await settlesWithin(master, 500)).toBe(false);
    open();
    await first;
    expect(await master).toBe('done');
  });

  it('ten writers of ten kelurahan at once: every report counted once, the rollup equal to a recomputation', async () => {
    const all = await queryRows<Sub>(db(), sql`select distinct on (left(kode_subsls, 10)) kode_subsls as code, kode_petugas as ppl from assignment order by left(kode_subsls, 10), kode_subsls`);
    const ten = all.slice(0, 10);
    const results = await Promise.all(ten.map((s, i) => submitReports(db(), admin, [{ ...row(s, 5 + i), tanggal: '2022-11-04' }], { source: 'api' })));
    expect(results.map((r) => r.accepted)).toEqual(ten.map(() => 1));
    expect(await checkRollups(db())).toEqual([]);
  });

  it('a report for a sub-SLS whose rollup row is missing is written again under the kota lock, the rollup rebuilt', async () => {
    const [, , other] = subs;
    await db().execute(sql`delete from area_series where kode_kota = '6471' and code = ${other.code}`);
    const out = await submitReports(db(), admin, [{ ...row(other, 7), tanggal: '2022-11-05' }], { source: 'api' });
    expect(out.accepted).toBe(1);
    const [again] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from area_series where kode_kota = '6471' and code = ${other.code}`);
    expect(again.n).toBe(1);
    expect(await checkRollups(db())).toEqual([]);
  });
});
