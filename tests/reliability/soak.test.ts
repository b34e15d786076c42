// Concurrency soak (issue #10, part 1): `next start` on PostgreSQL, 10 writers posting daily
// reports (duplicates, replacements and sub-SLS shared between writers) and 50 readers for
// PANTAU_SOAK_SECONDS (default 60; CI sets 20). Afterwards: no answer was a 5xx, the report
// table and report_history equal a serial application of the accepted batches in the order
// the server committed them, and every rollup equals a recomputation from the raw rows.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '@/lib/db/client';
import { checkRollups } from '@/lib/db/check';
import { startAppServer, type AppServer } from '../integration/app-server';
import { bearerFor, runDbCheck, Tally } from './support';

const SECONDS = Number(process.env.PANTAU_SOAK_SECONDS ?? 60);
const WRITERS = 10;
/** 50 by default; PANTAU_SOAK_READERS changes it to see how reads weigh on writes. */
const READERS = Number(process.env.PANTAU_SOAK_READERS ?? 50);
const SEED = Number(process.env.PANTAU_SOAK_SEED ?? 20221015);

/** A small seeded PRNG (mulberry32): a run can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

interface Subsls {
  code: string;
  prelist: number;
  ppl: string;
}

interface Values {
  kodePetugas: string;
  selesai: number;
  menolak: number;
  tidakDitemui: number;
  tidakDitemukan: number;
  keluargaBaru: number;
  catatan: string | null;
}

type Row = Record<string, unknown> & { tanggal: string; kodeSubsls: string };

/** One of three versions of a report per key, so writers often send what is already stored. */
function reportValues(s: Subsls, variant: number): Values {
  return {
    kodePetugas: s.ppl,
    selesai: Math.floor(s.prelist * (0.2 + 0.2 * variant)),
    menolak: variant,
    tidakDitemui: 1,
    tidakDitemukan: variant === 2 ? 1 : 0,
    keluargaBaru: variant,
    catatan: variant === 1 ? 'hujan deras' : null,
  };
}

const toRow = (s: Subsls, tanggal: string, v: Values): Row => {
  const { catatan, ...counts } = v;
  return { tanggal, kodeSubsls: s.code, ...counts, ...(catatan === null ? {} : { catatan }) };
};

const key = (code: string, tanggal: string) => `${code}|${tanggal}`;

interface Writer {
  username: string;
  /** What the server records as submitted_by: the officer code, or the user name for the admin. */
  submittedBy: string;
  subsls: Subsls[];
}

interface Sent {
  writer: number;
  rows: Row[];
  /** Indexes of rows made invalid on purpose (a negative count): the server must refuse exactly these. */
  invalid: number[];
  status: number;
  body: { importId: number; accepted: number; replaced: number; unchanged: number; rejected: number; rejections: { index: number; code: string }[] } | null;
}

const pg = process.env.TEST_DATABASE_URL;

describe.skipIf(!pg)(`soak: ${WRITERS} writers and ${READERS} readers for ${SECONDS} s on PostgreSQL`, () => {
  let server: AppServer;
  let database: Database;
  const db = () => database.db;

  beforeAll(async () => {
    server = await startAppServer({ scale: 1 });
    database = await openDatabase({ url: server.env.DATABASE_URL, max: 2 });
  }, 900_000);
  afterAll(async () => {
    await database?.close();
    await server?.close();
  });

  it('loses no write, answers no 5xx, and keeps history and rollups exact', async () => {
    // The pool: the sub-SLS of two PML's teams, reported on four dates. The admin may write
    // all of them, each PML their team's, two PPL of each team their own: every key has
    // several writers.
    const teams = await queryRows<{ pml: string }>(
      db(),
      sql`select supervisor_code as pml from officer where role = 'ppl' and kode_kota = '6471' and supervisor_code is not null
      group by 1 having count(*) >= 2 order by 1 limit 2`,
    );
    const pool = await queryRows<Subsls & { pml: string }>(
      db(),
      sql`select a.code, a.prelist, s.kode_petugas as ppl, o.supervisor_code as pml
      from assignment s join area a on a.code = s.kode_subsls and a.kode_kota = s.kode_kota
      join officer o on o.code = s.kode_petugas and o.kode_kota = s.kode_kota
      where o.supervisor_code = any(${`{${teams.map((t) => t.pml).join(',')}}`}::text[]) and a.prelist >= 5 order by a.code`,
    );
    expect(pool.length).toBeGreaterThanOrEqual(8);
    const [campaign] = await queryRows<{ start: string }>(db(), sql`select start_date::text as start from campaign where kode_kota = '6471'`);
    const day = (n: number) => new Date(Date.parse(campaign.start) + n * 86_400_000).toISOString().slice(0, 10);
    const dates = [day(10), day(11), day(12), day(13)];
    const poolCodes = pool.map((s) => s.code);
    const inPool = sql`kode_subsls = any(${`{${poolCodes.join(',')}}`}::text[]) and tanggal = any(${`{${dates.join(',')}}`}::date[])`;

    const pplsOf = (pml: string) => [...new Set(pool.filter((s) => s.pml === pml).map((s) => s.ppl))].slice(0, 2);
    const writers: Writer[] = [
      ...[0, 1, 2, 3].map(() => ({ username: 'admin', submittedBy: 'admin', subsls: pool })),
      ...teams.map((t) => ({ username: `pml-${t.pml.toLowerCase()}`, submittedBy: t.pml, subsls: pool.filter((s) => s.pml === t.pml) })),
      ...teams.flatMap((t) =>
        pplsOf(t.pml).map((ppl) => ({ username: `ppl-${ppl.toLowerCase()}`, submittedBy: ppl, subsls: pool.filter((s) => s.ppl === ppl) })),
      ),
    ];
    expect(writers).toHaveLength(WRITERS);
    const writerAuth: Record<string, string>[] = [];
    for (const w of writers) writerAuth.push(await bearerFor(server.baseUrl, w.username));
    const readerAuth: Record<string, string>[] = [];
    for (let i = 0; i < 5; i++) readerAuth.push(await bearerFor(server.baseUrl, 'pimpinan'));

    // What the writers will not touch must come out of the run as it went in.
    const outsideDigest = () =>
      queryRows<{ n: number; h: string }>(db(), sql`select count(*)::int as n, coalesce(sum(hashtext(r::text)::bigint), 0)::text as h from report r where not (${inPool})`);
    const outsideBefore = await outsideDigest();
    const initial = await queryRows<Values & { kode_subsls: string; tanggal: string; version: number; import_id: number | null; submitted_by: string }>(
      db(),
      sql`select kode_subsls, tanggal::text as tanggal, kode_petugas as "kodePetugas", selesai, menolak, tidak_ditemui as "tidakDitemui",
        tidak_ditemukan as "tidakDitemukan", keluarga_baru as "keluargaBaru", catatan, version, import_id::int as import_id, submitted_by
      from report where ${inPool}`,
    );

    const tally = new Tally();
    const sent: Sent[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    const started = performance.now();

    const write = async (w: number) => {
      const rnd = prng(SEED + w);
      const writer = writers[w];
      while (Date.now() < deadline) {
        const rows: Row[] = [];
        const invalid: number[] = [];
        const used = new Set<string>();
        const size = 1 + rnd.int(writer.username === 'admin' ? 30 : 12);
        for (let i = 0; i < size; i++) {
          const s = rnd.pick(writer.subsls);
          const tanggal = rnd.pick(dates);
          if (used.has(key(s.code, tanggal))) continue;
          used.add(key(s.code, tanggal));
          const row = toRow(s, tanggal, reportValues(s, rnd.int(3)));
          if (rnd.next() < 0.04) {
            invalid.push(rows.length);
            rows.push({ ...row, selesai: -1 });
          } else rows.push(row);
        }
        // An identical row twice in one batch: collapsed, counted unchanged.
        const valid = rows.filter((_, i) => !invalid.includes(i));
        if (valid.length && rnd.next() < 0.1) rows.push({ ...rnd.pick(valid) });
        const out = await tally.time('write', async () => {
          const response = await fetch(`${server.baseUrl}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...writerAuth[w] },
            body: JSON.stringify(rows),
          });
          const text = await response.text();
          if (response.status >= 500 && tally.failures.length < 10) tally.failures.push(`write ${response.status}: ${text.slice(0, 300)}`);
          return { status: response.status, value: response.status === 200 ? (JSON.parse(text) as Sent['body']) : null };
        });
        sent.push({ writer: w, rows, invalid, status: out.status, body: out.value });
      }
    };

    const areaCodes = ['6471', poolCodes[0].slice(0, 7), poolCodes[0].slice(0, 10), poolCodes.at(-1)!.slice(0, 10), poolCodes[0].slice(0, 14), poolCodes[0]];
    const reads: [string, (r: ReturnType<typeof prng>) => string][] = [
      ['areas', (r) => `/api/v1/areas/${r.pick(areaCodes)}`],
      ['children', (r) => `/api/v1/areas/${r.pick(areaCodes.slice(0, 5))}/children`],
      ['daily', (r) => `/api/v1/areas/${r.pick(areaCodes)}/daily`],
      ['geo', (r) => `/api/v1/areas/${r.pick(areaCodes.slice(1, 4))}/geo`],
      ['officers', (r) => `/api/v1/officers?area=${r.pick(areaCodes.slice(0, 4))}`],
      ['search', (r) => `/api/v1/search?q=${encodeURIComponent(r.pick(['manggar', 'damai', poolCodes[0].slice(0, 10), 'balikpapan']))}`],
    ];
    const read = async (i: number) => {
      const rnd = prng(SEED * 7 + i);
      while (Date.now() < deadline) {
        const [kind, path] = rnd.pick(reads);
        await tally.time(kind, async () => {
          const response = await fetch(server.baseUrl + path(rnd), { headers: readerAuth[i % readerAuth.length] });
          const text = await response.text();
          if (response.status >= 500 && tally.failures.length < 10) tally.failures.push(`${kind} ${response.status}: ${text.slice(0, 300)}`);
          return { status: response.status, value: null };
        });
      }
    };

    await Promise.all([...writers.map((_, w) => write(w)), ...Array.from({ length: READERS }, (_, i) => read(i))]);
    const elapsed = (performance.now() - started) / 1000;

    // 1. No 5xx, no network error: every request answered 200.
    expect(tally.failures).toEqual([]);
    expect(tally.statusLine()).toBe(`200: ${tally.total()}`);

    // 2. Each batch refused exactly the rows made invalid, and the rest was written.
    for (const s of sent) {
      expect(s.body!.rejections.map((r) => [r.index, r.code])).toEqual(s.invalid.map((i) => [i, 'negative']));
    }

    // 3. The order the server committed the batches in. Every write holds the kab/kota's
    // advisory lock from its first statement to its commit and takes its transaction id at its
    // first write, under that lock: so the transaction ids (xmin of each batch's final
    // import_job row) order the batches as they committed.
    const ids = sent.map((s) => s.body!.importId);
    const order = await queryRows<{ id: number; xid: string; status: string }>(
      db(),
      sql`select id::int as id, xmin::text as xid, status from import_job where id = any(${`{${ids.join(',')}}`}::bigint[])`,
    );
    expect(order).toHaveLength(sent.length);
    expect(order.every((o) => o.status === 'applied' || o.status === 'rejected')).toBe(true);
    const xidOf = new Map(order.map((o) => [o.id, BigInt(o.xid)]));
    const serial = [...sent].sort((a, b) => (xidOf.get(a.body!.importId)! < xidOf.get(b.body!.importId)! ? -1 : 1));

    // 4. Applied one after another, those batches give the same answers, rows and history.
    type Stored = { values: Values; version: number; importId: number | null; submittedBy: string };
    const state = new Map<string, Stored>();
    for (const r of initial) {
      const { kode_subsls, tanggal, version, import_id, submitted_by, ...values } = r;
      state.set(key(kode_subsls, tanggal), { values, version, importId: import_id, submittedBy: submitted_by });
    }
    const history: string[] = [];
    const same = (a: Values, b: Values) => (Object.keys(a) as (keyof Values)[]).every((k) => a[k] === b[k]);
    let accepted = 0;
    let replaced = 0;
    let unchanged = 0;
    for (const s of serial) {
      const counts = { accepted: 0, replaced: 0, unchanged: 0 };
      const seen = new Set<string>();
      s.rows.forEach((row, index) => {
        if (s.invalid.includes(index)) return;
        const k = key(row.kodeSubsls, row.tanggal);
        if (seen.has(k)) return void counts.unchanged++;
        seen.add(k);
        const { tanggal, kodeSubsls, catatan, ...rest } = row;
        void tanggal;
        void kodeSubsls;
        const values = { ...(rest as Omit<Values, 'catatan'>), catatan: (catatan as string | undefined) ?? null };
        const stored = state.get(k);
        if (stored && same(stored.values, values)) return void counts.unchanged++;
        if (stored) counts.replaced++;
        else counts.accepted++;
        const version = (stored?.version ?? 0) + 1;
        state.set(k, { values, version, importId: s.body!.importId, submittedBy: writers[s.writer].submittedBy });
        history.push(JSON.stringify([k, version, s.body!.importId, writers[s.writer].submittedBy, values]));
      });
      expect({ accepted: s.body!.accepted, replaced: s.body!.replaced, unchanged: s.body!.unchanged }).toEqual(counts);
      accepted += counts.accepted;
      replaced += counts.replaced;
      unchanged += counts.unchanged;
    }

    const current = await queryRows<Values & { kode_subsls: string; tanggal: string; version: number; import_id: number | null; submitted_by: string }>(
      db(),
      sql`select kode_subsls, tanggal::text as tanggal, kode_petugas as "kodePetugas", selesai, menolak, tidak_ditemui as "tidakDitemui",
        tidak_ditemukan as "tidakDitemukan", keluarga_baru as "keluargaBaru", catatan, version, import_id::int as import_id, submitted_by
      from report where ${inPool} order by 1, 2`,
    );
    const expected = [...state].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(current.map((r) => key(r.kode_subsls, r.tanggal))).toEqual(expected.map(([k]) => k));
    expect(
      current.map(({ kode_subsls, tanggal, version, import_id, submitted_by, ...values }) => ({
        k: key(kode_subsls, tanggal),
        stored: { values, version, importId: import_id, submittedBy: submitted_by },
      })),
    ).toEqual(expected.map(([k, stored]) => ({ k, stored })));

    const written = await queryRows<Values & { kode_subsls: string; tanggal: string; version: number; import_id: number; submitted_by: string }>(
      db(),
      sql`select kode_subsls, tanggal::text as tanggal, kode_petugas as "kodePetugas", selesai, menolak, tidak_ditemui as "tidakDitemui",
        tidak_ditemukan as "tidakDitemukan", keluarga_baru as "keluargaBaru", catatan, version, import_id::int as import_id, submitted_by
      from report_history where import_id = any(${`{${ids.join(',')}}`}::bigint[])`,
    );
    expect(written.map(({ kode_subsls, tanggal, version, import_id, submitted_by, ...values }) => JSON.stringify([key(kode_subsls, tanggal), version, import_id, submitted_by, values])).sort()).toEqual(
      [...history].sort(),
    );
    // Every version of every key exactly once, numbered 1..n without a gap, the last one current.
    const versions = await queryRows<{ k: string; n: number; distinct: number; max: number; current: number }>(
      db(),
      sql`select h.kode_subsls || '|' || h.tanggal::text as k, count(*)::int as n, count(distinct h.version)::int as distinct,
        max(h.version)::int as max, (select r.version from report r where r.kode_subsls = h.kode_subsls and r.tanggal = h.tanggal) as current
      from report_history h where (h.kode_subsls, h.tanggal) in (select kode_subsls, tanggal from report where ${inPool})
      group by h.kode_subsls, h.tanggal`,
    );
    for (const v of versions) expect(v, v.k).toMatchObject({ n: v.max, distinct: v.max, current: v.max });

    expect(await outsideDigest()).toEqual(outsideBefore);

    // 5. Every rollup row equals a recomputation from the raw rows, by the library and by the CLI.
    const checkStarted = performance.now();
    expect(await checkRollups(db())).toEqual([]);
    const cli = await runDbCheck(server.env.DATABASE_URL);
    expect(cli.output).toContain('rollups match the raw reports');
    expect(cli.status).toBe(0);
    const checkSeconds = (performance.now() - checkStarted) / 1000;

    const rows = sent.reduce((n, s) => n + s.rows.length, 0);
    const rejected = sent.reduce((n, s) => n + s.invalid.length, 0);
    const readKinds = (k: string) => k !== 'write';
    console.log(
      `soak summary: ${elapsed.toFixed(1)} s, ${WRITERS} writers, ${READERS} readers, seed ${SEED}; ` +
        `requests ${tally.total()} (${tally.statusLine()}): reads ${tally.total(readKinds)}, writes ${sent.length} batches of ${rows} rows ` +
        `(accepted ${accepted}, replaced ${replaced}, unchanged ${unchanged}, rejected ${rejected}) on ${state.size} keys; ` +
        `p50/p95 read ${tally.percentile(50, readKinds).toFixed(0)}/${tally.percentile(95, readKinds).toFixed(0)} ms, ` +
        `write ${tally.percentile(50, (k) => k === 'write').toFixed(0)}/${tally.percentile(95, (k) => k === 'write').toFixed(0)} ms; ` +
        `per endpoint p95 ${reads.map(([k]) => `${k} ${tally.percentile(95, (x) => x === k).toFixed(0)}`).join(', ')} ms; ` +
        `db:check clean (${checkSeconds.toFixed(1)} s)`,
    );
    expect(replaced).toBeGreaterThan(0);
    expect(unchanged).toBeGreaterThan(0);
  });

  it('db:check names the area, date and field of a corrupted rollup row and exits non-zero', async () => {
    const [row] = await queryRows<{ code: string; tanggal: string; selesai: number }>(
      db(),
      sql`update area_series s set selesai[13] = s.selesai[13] + 7 from campaign c
        where c.kode_kota = s.kode_kota and s.kode_kota = '6471' and s.code = (select min(code) from area where level = 'kelurahan')
        returning s.code, (c.start_date + 12)::text as tanggal, s.selesai[13] as selesai`,
    );
    try {
      expect(await checkRollups(db())).toEqual([`${row.code} ${row.tanggal}: sums differ: selesai stored ${row.selesai}, recomputed ${row.selesai - 7}`]);
      const cli = await runDbCheck(server.env.DATABASE_URL);
      expect(cli.status).toBe(1);
      expect(cli.output).toContain('differ from a recomputation from the raw reports in 1 row(s)');
      expect(cli.output).toContain(`${row.code} ${row.tanggal}: sums differ: selesai stored ${row.selesai}, recomputed ${row.selesai - 7}`);
    } finally {
      await db().execute(sql`update area_series set selesai[13] = selesai[13] - 7 where code = ${row.code} and kode_kota = '6471'`);
    }
  });
});

if (!pg) {
  describe('soak', () => {
    it.skip('needs PostgreSQL: set TEST_DATABASE_URL (a server where test databases may be created)', () => {});
  });
}
