import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database, type Db } from '@/lib/db/client';
import { checkRollups } from '@/lib/db/check';
import { rebuildRollups } from '@/lib/db/rollup';
import { addDays } from '@/lib/domain/dates';
import { areaScope } from '@/lib/domain/scope';
import { importFile } from '@/lib/ingest/import-file';
import { ImportProblem } from '@/lib/ingest/reasons';
import { submitReports } from '@/lib/ingest/submit-reports';
import { actor, chunksOf, countRows, snapshot } from './ingest-support';
import { databaseTargets } from './support';

const admin = actor('admin', areaScope('9902'));
const SUBSLS = [
  ['9902010001000100', 'P1', 50],
  ['9902010001000200', 'P1', 40],
  ['9902010001000300', 'P2', 60],
  ['9902010002000100', 'P2', 30],
  ['9902010002000200', 'P3', 45],
  ['9902010002000301', 'P3', 25],
] as const;

async function loadTinyCity(db: Db) {
  const areas = [
    'kode_wilayah,nama_wilayah,prelist,tanggal_mulai,tanggal_selesai,hari_tenggang',
    '9902,Kota Kecil,,2022-10-15,2022-11-14,6',
    '9902010,Kecamatan,,,,',
    '9902010001,Kelurahan A,,,,',
    '9902010002,Kelurahan B,,,,',
    ...SUBSLS.map(([code, , prelist]) => `${code},RT ${code.slice(11, 14)},${prelist},,,`),
  ].join('\n');
  const officers = ['kode_petugas,nama_petugas,peran,kode_pengawas,kode_wilayah', 'K,Koseka,koseka,,9902010', 'M,PML,pml,K,9902010', 'P1,A,ppl,M,9902010001', 'P2,B,ppl,M,9902010001', 'P3,C,ppl,M,9902010002'].join('\n');
  const assignments = ['kode_subsls,kode_petugas', ...SUBSLS.map(([code, ppl]) => `${code},${ppl}`)].join('\n');
  for (const csv of [areas, officers, assignments]) {
    const result = await importFile(db, admin, { chunks: chunksOf(csv), filename: 'setup.csv' });
    expect(result.rejections).toEqual([]);
  }
}

async function resetReports(db: Db) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from report where kode_kota = '9902'`);
    await tx.execute(sql`delete from report_history where kode_kota = '9902'`);
    await rebuildRollups(tx, '9902', 'all');
  });
}

/** The current rows and the set of history versions, without ids, times or import numbers. */
async function state(db: Db) {
  const cols = sql`kode_subsls, tanggal::text as tanggal, kode_petugas, selesai, menolak, tidak_ditemui, tidak_ditemukan, keluarga_baru, version`;
  const current = await queryRows(db, sql`select ${cols} from report where kode_kota = '9902' order by kode_subsls, tanggal`);
  const history = await queryRows(db, sql`select ${cols} from report_history where kode_kota = '9902' order by kode_subsls, tanggal, version`);
  return { current, history };
}

const reportArb = fc.record({
  sub: fc.integer({ min: 0, max: 6 }),
  day: fc.integer({ min: -2, max: 39 }),
  selesai: fc.integer({ min: 0, max: 60 }),
  menolak: fc.integer({ min: 0, max: 5 }),
  tidakDitemui: fc.integer({ min: 0, max: 5 }),
  tidakDitemukan: fc.integer({ min: 0, max: 3 }),
  keluargaBaru: fc.integer({ min: 0, max: 3 }),
  wrongOfficer: fc.boolean().map((b) => b && Math.random() < 0.2),
});
type Gen = typeof reportArb extends fc.Arbitrary<infer T> ? T : never;

function toReport(g: Gen) {
  const [code, ppl] = SUBSLS[g.sub] ?? ['9902010009000100', 'P1'];
  return {
    tanggal: addDays('2022-10-15', g.day),
    kodeSubsls: code,
    kodePetugas: g.wrongOfficer ? 'P9' : ppl,
    selesai: g.selesai,
    menolak: g.menolak,
    tidakDitemui: g.tidakDitemui,
    tidakDitemukan: g.tidakDitemukan,
    keluargaBaru: g.keluargaBaru,
  };
}

const CSV_HEADER = 'tanggal;kode_subsls;kode_petugas;selesai;menolak;tidak_ditemui;tidak_ditemukan;keluarga_baru';
const toCsv = (rows: ReturnType<typeof toReport>[]) =>
  [CSV_HEADER, ...rows.map((r) => [r.tanggal, r.kodeSubsls, r.kodePetugas, r.selesai, r.menolak, r.tidakDitemui, r.tidakDitemukan, r.keluargaBaru].join(';'))].join('\r\n');

describe.each(databaseTargets())('properties of the ingest path on $name', (target) => {
  let database: Database;
  const db = () => database.db;
  const runs = target.name === 'pglite' ? 20 : 30;

  beforeAll(async () => {
    database = await target.open();
    await loadTinyCity(database.db);
  });
  afterAll(() => database?.close());

  it('applying a batch twice equals applying it once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reportArb, { minLength: 1, maxLength: 25 }), async (gens) => {
        await resetReports(db());
        const batch = gens.map(toReport);
        const first = await submitReports(db(), admin, batch, { source: 'api' });
        const once = await state(db());
        const second = await submitReports(db(), admin, batch, { source: 'api' });
        expect(second.accepted + second.replaced).toBe(0);
        expect(second.unchanged).toBe(first.accepted + first.replaced + first.unchanged);
        expect(second.rejections.map((r) => r.index)).toEqual(first.rejections.map((r) => r.index));
        expect(await state(db())).toEqual(once);
        expect(await checkRollups(db())).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('applying the same reports in any order gives the same current state and history', async () => {
    const unique = fc.uniqueArray(reportArb, { minLength: 1, maxLength: 30, selector: (g) => `${g.sub}|${g.day}` });
    await fc.assert(
      fc.asyncProperty(unique, fc.integer({ min: 1, max: 4 }), fc.infiniteStream(fc.nat()), async (gens, parts, randoms) => {
        const reports = gens.map(toReport);
        const order = reports.map((r) => ({ r, k: randoms.next().value })).sort((a, b) => a.k - b.k).map((x) => x.r);
        const batches = (list: typeof reports) => Array.from({ length: parts }, (_, p) => list.filter((_, i) => i % parts === p));
        await resetReports(db());
        for (const b of batches(reports)) await submitReports(db(), admin, b, { source: 'api' });
        const a = await state(db());
        await resetReports(db());
        for (const b of batches(order).reverse()) await submitReports(db(), admin, b, { source: 'api' });
        expect(await state(db())).toEqual(a);
        expect(await checkRollups(db())).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('any sequence of incremental writes (new dates, corrections, out-of-order days, deletes) keeps area_day equal to a recomputation', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('submit' as const), reports: fc.array(reportArb, { minLength: 1, maxLength: 8 }) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        await resetReports(db());
        for (const s of steps) {
          if (s.kind === 'submit') await submitReports(db(), admin, s.reports.map(toReport), { source: 'api' });
          else {
            // No API deletes a report; the rollup must still follow one (an operator's manual fix).
            await db().transaction(async (tx) => {
              const rows = await queryRows<{ kode_subsls: string; tanggal: string }>(
                tx,
                sql`select kode_subsls, tanggal::text tanggal from report where kode_kota = '9902' order by 1, 2`,
              );
              if (rows.length === 0) return;
              const row = rows[s.pick % rows.length];
              await tx.execute(sql`delete from report where kode_kota = '9902' and kode_subsls = ${row.kode_subsls} and tanggal = ${row.tanggal}`);
              await rebuildRollups(tx, '9902', [row.kode_subsls.slice(0, 10)], row.tanggal, [row.kode_subsls]);
            });
          }
          expect(await checkRollups(db())).toEqual([]);
        }
      }),
      { numRuns: runs },
    );
  });

  it('a mutated CSV is imported row by row or refused whole, never written in part', async () => {
    const edits = fc.array(fc.tuple(fc.nat(2000), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(';', ',', '"', '\n', 'E', '-', '.', '0', '9', 'x', '\u0000')), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(reportArb, { minLength: 1, maxLength: 12 }), edits, async (gens, mutations) => {
        let text = toCsv(gens.map(toReport));
        for (const [at, op, ch] of mutations) {
          const i = at % (text.length + 1);
          text = op === 'insert' ? text.slice(0, i) + ch + text.slice(i) : op === 'delete' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + ch + text.slice(i + 1);
        }
        const before = await snapshot(db());
        const historyBefore = await countRows(db(), 'report_history');
        try {
          const result = await importFile(db(), admin, { chunks: chunksOf(text, 64), filename: 'mutated.csv' });
          expect(result.accepted + result.replaced + result.unchanged + result.rejections.length).toBe(result.totalRows);
          if (result.kind === 'reports') expect(await countRows(db(), 'report_history')).toBe(historyBefore + result.accepted + result.replaced);
          else expect(result.accepted + result.replaced).toBe(0);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportProblem);
          expect(await snapshot(db())).toBe(before);
        }
        expect(await checkRollups(db())).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('any JSON body is judged row by row or refused whole, never written in part', async () => {
    const field = fc.oneof(fc.jsonValue(), fc.string(), fc.integer({ min: -5, max: 500 }), fc.constant('2022-10-20'), fc.constant(SUBSLS[0][0]), fc.constant('P1'));
    const item = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('tanggal', 'kodeSubsls', 'kodePetugas', 'selesai', 'menolak', 'tidakDitemui', 'tidakDitemukan', 'keluargaBaru', 'catatan', 'x\u0000'), field),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.array(item, { maxLength: 10 })), async (body) => {
        const historyBefore = await countRows(db(), 'report_history');
        try {
          const result = await submitReports(db(), admin, body, { source: 'api' });
          expect(await countRows(db(), 'report_history')).toBe(historyBefore + result.accepted + result.replaced);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportProblem);
          expect(await countRows(db(), 'report_history')).toBe(historyBefore);
        }
      }),
      { numRuns: runs * 3 },
    );
    expect(await checkRollups(db())).toEqual([]);
  });
});
