// Ingest benchmark on PostgreSQL (not a test): a whole-city day of reports as CSV end to end,
// a JSON batch of 1,000 reports, and a 20 MB upload read as a stream while sampling the RSS.
// Creates a throw-away database on BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
// and drops it afterwards. Usage: tsx --expose-gc scripts/bench/ingest.ts [--runs 3]
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Db } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import { addDays } from '@/lib/domain/dates';
import { areaScope } from '@/lib/domain/scope';
import { importFile } from '@/lib/ingest/import-file';
import { submitReports } from '@/lib/ingest/submit-reports';
import { importUpload } from '@/lib/ingest/upload';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const admin = { username: 'bench', role: 'admin' as const, scope: areaScope('6471'), officerCode: null };

interface Sub {
  code: string;
  ppl: string;
  prelist: number;
  s: number;
  r: number;
  t: number;
  x: number;
  b: number;
}

async function loadSubs(db: Db): Promise<Sub[]> {
  return queryRows<Sub>(
    db,
    sql`select a.code, s.kode_petugas as ppl, a.prelist, coalesce(r.selesai, 0) s, coalesce(r.menolak, 0) r,
      coalesce(r.tidak_ditemui, 0) t, coalesce(r.tidak_ditemukan, 0) x, coalesce(r.keluarga_baru, 0) b
    from area a join assignment s on s.kode_subsls = a.code
    left join lateral (select * from report r where r.kode_subsls = a.code order by tanggal desc limit 1) r on true
    where a.level = 'subsls' order by a.code`,
  );
}

/** A day's cumulative counts: a few more families enumerated where any are left. */
function advance(sub: Sub): Sub {
  const left = sub.prelist + sub.b - (sub.s + sub.r + sub.t + sub.x);
  return { ...sub, s: sub.s + Math.min(left, 1 + (sub.code.charCodeAt(15) % 9)) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function* chunked(text: string, size = 65_536): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function cityDayCsv(db: Db, subs: Sub[]): Promise<number[]> {
  const times: number[] = [];
  let current = subs;
  for (let run = 0; run < RUNS; run++) {
    current = current.map(advance);
    const date = addDays('2022-11-03', run);
    const csv = ['tanggal;kode_subsls;kode_petugas;selesai;menolak;tidak_ditemui;tidak_ditemukan;keluarga_baru', ...current.map((u) => [date, u.code, u.ppl, u.s, u.r, u.t, u.x, u.b].join(';'))].join('\r\n');
    const t0 = performance.now();
    const result = await importFile(db, admin, { chunks: chunked(csv), filename: `kota-${date}.csv` });
    times.push(performance.now() - t0);
    if (result.accepted !== current.length) throw new Error(`city day: ${result.accepted} accepted of ${current.length}: ${JSON.stringify(result.rejections.slice(0, 2))}`);
  }
  return times;
}

/**
 * 1,000 reports dated the day after the city-day runs, so each write rebuilds the same span of
 * rollup days (to the end of the window plus grace); successive runs move the batch along the
 * sub-SLS, so some keys are new and some replace the previous run's values.
 */
async function jsonBatch(db: Db, subs: Sub[]): Promise<number[]> {
  const times: number[] = [];
  const date = addDays('2022-11-03', RUNS);
  for (let run = 0; run < RUNS; run++) {
    const batch = subs.slice((run * 300) % 600, ((run * 300) % 600) + 1000).map((u) => ({ tanggal: date, kodeSubsls: u.code, kodePetugas: u.ppl, selesai: u.s, menolak: u.r, tidakDitemui: u.t, tidakDitemukan: u.x, keluargaBaru: u.b + run + 1 }));
    const t0 = performance.now();
    const result = await submitReports(db, admin, batch, { source: 'api' });
    times.push(performance.now() - t0);
    if (result.accepted + result.replaced !== 1000) throw new Error(`json batch: ${result.accepted} accepted, ${result.replaced} replaced`);
  }
  return times;
}

/** A multipart body of ~20 MB generated on the fly: every sub-SLS × every window date, with a note. */
async function* bigUpload(subs: Sub[], boundary: string, target: number): AsyncGenerator<Uint8Array> {
  yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nreports\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="besar.csv"\r\nContent-Type: text/csv\r\n\r\n`);
  let size = 0;
  let lines: string[] = ['tanggal,kode_subsls,kode_petugas,selesai,menolak,tidak_ditemui,tidak_ditemukan,keluarga_baru,catatan'];
  const note = 'Kunjungan ulang sore hari; sebagian rumah kosong karena warga bekerja di luar kota, dijadwalkan ulang akhir pekan. '.repeat(3);
  outer: for (let day = 0; day < 37; day++) {
    const date = addDays('2022-10-15', day);
    for (const u of subs) {
      lines.push(`${date},${u.code},${u.ppl},${Math.min(day, u.prelist)},0,0,0,0,"${note}"`);
      if (lines.length === 200) {
        const chunk = Buffer.from(lines.join('\r\n') + '\r\n');
        lines = [];
        if (size + chunk.length > target) break outer;
        size += chunk.length;
        yield chunk;
      }
    }
  }
  yield Buffer.from(`\r\n--${boundary}--\r\n`);
}

/** Resident set size now and its high-water mark, from /proc (Linux): a peak no sampling can miss. */
function procMemory(): { rss: number; peak: number } | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

async function bigFile(db: Db, subs: Sub[]) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  // Writing 5 to clear_refs resets the high-water mark to the current RSS.
  let hwm = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    hwm = false;
  }
  const before = procMemory()?.rss ?? process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const boundary = 'bench' + randomBytes(6).toString('hex');
  const t0 = performance.now();
  let bytes = 0;
  async function* counted() {
    for await (const c of bigUpload(subs, boundary, 20 * 1024 * 1024 - 1000)) {
      bytes += c.length;
      yield c;
    }
  }
  const result = await importUpload(db, admin, { contentType: `multipart/form-data; boundary=${boundary}`, contentLength: null, body: counted(), ip: null });
  clearInterval(timer);
  if (hwm) peak = Math.max(peak, procMemory()?.peak ?? 0);
  return { ms: performance.now() - t0, bytes, rows: result.totalRows, accepted: result.accepted + result.replaced + result.unchanged, rejected: result.rejections.length, rssBeforeMb: before / 1048576, rssPeakMb: peak / 1048576, gcExposed: Boolean(gc), peakFrom: hwm ? 'VmHWM' : 'sampling' };
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `pantau_bench_${randomBytes(5).toString('hex')}`;
  const admin0 = postgres(url, { max: 1, onnotice: () => {} });
  await admin0.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), max: 10 });
  try {
    await migrateDatabase(database);
    const seed = await seedDemo(database.db, { seed: 2022, scale: 1 });
    console.log(`seeded demo in ${((seed.generateMs + seed.loadMs) / 1000).toFixed(1)} s`);
    const subs = await loadSubs(database.db);
    const city = await cityDayCsv(database.db, subs);
    const json = await jsonBatch(database.db, subs);
    const big = await bigFile(database.db, subs);
    const results = {
      at: new Date().toISOString(),
      database: 'postgresql',
      cityDayCsv: { rows: subs.length, ms: city.map(Math.round), medianMs: Math.round(median(city)), targetMs: 5000 },
      jsonBatch1000: { ms: json.map(Math.round), medianMs: Math.round(median(json)), targetMs: 300 },
      upload20mb: { ...big, ms: Math.round(big.ms), rssRiseMb: Math.round(big.rssPeakMb - big.rssBeforeMb), targetRiseMb: 200 },
    };
    console.log(JSON.stringify(results, null, 2));
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/ingest.json', JSON.stringify(results, null, 2));
  } finally {
    await database.close();
    await admin0.unsafe(`drop database if exists ${name} with (force)`);
    await admin0.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
