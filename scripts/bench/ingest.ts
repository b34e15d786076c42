// Ingest through the running app, as a client would: a whole-city day of reports as a CSV file
// (POST /api/v1/imports, multipart) and a JSON batch of 1,000 reports (POST /api/v1/reports),
// each timed from request to answer. Runs after the read benchmarks: it changes the data.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { addDays } from '@/lib/domain/dates';
import type { AppServer } from './env';

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

/** Every sub-SLS of the demo city with its holder and latest cumulative counts. */
async function loadSubs(db: Db): Promise<Sub[]> {
  return queryRows<Sub>(
    db,
    sql`select a.code, s.kode_petugas as ppl, a.prelist, coalesce(r.selesai, 0) s, coalesce(r.menolak, 0) r,
      coalesce(r.tidak_ditemui, 0) t, coalesce(r.tidak_ditemukan, 0) x, coalesce(r.keluarga_baru, 0) b
    from area a join assignment s on s.kode_subsls = a.code
    left join lateral (select * from report r where r.kode_subsls = a.code order by tanggal desc limit 1) r on true
    where a.level = 'subsls' and a.kode_kota = '6471' order by a.code`,
  );
}

/** A day's cumulative counts: a few more families enumerated where any are left. */
function advance(sub: Sub): Sub {
  const left = sub.prelist + sub.b - (sub.s + sub.r + sub.t + sub.x);
  return { ...sub, s: sub.s + Math.max(0, Math.min(left, 1 + (sub.code.charCodeAt(sub.code.length - 1) % 9))) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface IngestResult {
  cityRows: number;
  cityDayMs: number[];
  jsonBatchMs: number[];
  /** The untimed warm-up batches before them (printed, never judged). */
  jsonWarmupMs: number[];
  cityDayMedianS: number;
  jsonBatchMedianMs: number;
  /** One report (a sub-SLS's day) via POST /reports, each run a new sub-SLS. */
  oneReportMs: number[];
  oneReportMedianMs: number;
}

/** The first day after the demo's last report date, so the new rows extend the campaign as a real day would. */
async function firstFreeDate(db: Db): Promise<string> {
  const [row] = await queryRows<{ d: string }>(db, sql`select max(tanggal)::text d from report where kode_subsls like '6471%'`);
  return addDays(row.d, 1);
}

export async function benchIngest(db: Db, server: AppServer, adminToken: string, runs = 3): Promise<IngestResult> {
  const headers = { authorization: `Bearer ${adminToken}` };
  let subs = await loadSubs(db);
  const start = await firstFreeDate(db);
  const cityDayMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    subs = subs.map(advance);
    const date = addDays(start, run);
    const csv = ['tanggal;kode_subsls;kode_petugas;selesai;menolak;tidak_ditemui;tidak_ditemukan;keluarga_baru', ...subs.map((u) => [date, u.code, u.ppl, u.s, u.r, u.t, u.x, u.b].join(';'))].join('\r\n');
    const form = new FormData();
    form.set('kind', 'reports');
    form.set('file', new Blob([csv], { type: 'text/csv' }), `kota-${date}.csv`);
    const t0 = performance.now();
    const response = await fetch(`${server.base}/api/v1/imports`, { method: 'POST', headers, body: form });
    const body = (await response.json()) as { accepted?: number; replaced?: number; unchanged?: number; rejected?: number };
    cityDayMs.push(performance.now() - t0);
    const taken = (body.accepted ?? 0) + (body.replaced ?? 0) + (body.unchanged ?? 0);
    if (!response.ok || taken !== subs.length) throw new Error(`city day CSV: HTTP ${response.status}, ${taken} of ${subs.length} rows taken: ${JSON.stringify(body).slice(0, 300)}`);
  }
  const date = addDays(start, runs);
  const jsonBatchMs: number[] = [];
  const jsonWarmupMs: number[] = [];
  // At least 5 batches: the target is the median of 5. Before them 5 more, untimed for the
  // verdict, as the reads get a warm-up: the write thread (lib/server/write-thread.ts) is a V8
  // isolate and a pool of its own, cold until it has written (its first batches ~350–520 ms,
  // ~175 by the eighth); on the server's own thread the city CSVs above had warmed the same code.
  const batchRuns = Math.max(5, runs);
  const WARMUP = 5;
  for (let run = -WARMUP; run < batchRuns; run++) {
    // Successive runs move the batch along the sub-SLS: some keys are new, some replace the last run's.
    const from = ((run + WARMUP) * 300) % Math.max(1, subs.length - 1000);
    const batch = subs.slice(from, from + 1000).map((u) => ({
      tanggal: date,
      kodeSubsls: u.code,
      kodePetugas: u.ppl,
      selesai: u.s,
      menolak: u.r,
      tidakDitemui: u.t,
      tidakDitemukan: u.x,
      keluargaBaru: u.b + run + WARMUP + 1,
    }));
    const t0 = performance.now();
    const response = await fetch(`${server.base}/api/v1/reports`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    const body = (await response.json()) as { accepted?: number; replaced?: number; unchanged?: number };
    (run < 0 ? jsonWarmupMs : jsonBatchMs).push(performance.now() - t0);
    const taken = (body.accepted ?? 0) + (body.replaced ?? 0) + (body.unchanged ?? 0);
    if (!response.ok || taken !== batch.length) throw new Error(`JSON batch: HTTP ${response.status}, ${taken} of ${batch.length} taken: ${JSON.stringify(body).slice(0, 300)}`);
  }
  const oneReportMs: number[] = [];
  for (let run = 0; run < 9; run++) {
    const u = subs[(run * 97) % subs.length];
    const body = [{ tanggal: addDays(date, 1), kodeSubsls: u.code, kodePetugas: u.ppl, selesai: u.s, menolak: u.r, tidakDitemui: u.t, tidakDitemukan: u.x, keluargaBaru: u.b }];
    const t0 = performance.now();
    const response = await fetch(`${server.base}/api/v1/reports`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await response.json()) as { accepted?: number; replaced?: number; unchanged?: number };
    oneReportMs.push(performance.now() - t0);
    if (!response.ok || (answer.accepted ?? 0) + (answer.replaced ?? 0) + (answer.unchanged ?? 0) !== 1) throw new Error(`one report: HTTP ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return {
    cityRows: subs.length,
    cityDayMs,
    jsonBatchMs,
    jsonWarmupMs,
    cityDayMedianS: median(cityDayMs) / 1000,
    jsonBatchMedianMs: median(jsonBatchMs),
    oneReportMs,
    oneReportMedianMs: median(oneReportMs),
  };
}

export interface SoakResult {
  seconds: number;
  writes: number;
  reads: number;
  writeP50: number;
  writeP95: number;
  readP50: number;
  readP95: number;
  failed: number;
}

const percentile = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] : NaN);

/**
 * The soak of tests/reliability/soak.test.ts as a measurement: 10 writers, each posting batches
 * of 1–30 reports for the sub-SLS of its own kelurahan on the window's dates (new keys,
 * replacements and repeats), and 50 readers cycling through the area endpoints back to back,
 * for `seconds`. With `paceMs` each writer starts one batch every `paceMs` (later only when its
 * previous answer is later): a fixed offered load, so writes answered faster do not also mean
 * more writes — how the soak's targets are measured. Without it the writers send back to back
 * (the stress: how many writes the server takes, and what that does to the reads).
 */
export async function benchSoak(
  db: Db,
  server: AppServer,
  adminToken: string,
  { seconds = 20, writers = 10, readers = 50, paceMs = 0 }: { seconds?: number; writers?: number; readers?: number; paceMs?: number } = {},
): Promise<SoakResult> {
  const headers = { authorization: `Bearer ${adminToken}` };
  const subs = await loadSubs(db);
  const [c] = await queryRows<{ s: string; e: string }>(db, sql`select start_date::text s, (end_date + grace_days)::text e from campaign where kode_kota = '6471'`);
  const byKel = new Map<string, Sub[]>();
  for (const u of subs) (byKel.get(u.code.slice(0, 10)) ?? byKel.set(u.code.slice(0, 10), []).get(u.code.slice(0, 10))!).push(u);
  const kels = [...byKel.values()].sort((a, b) => b.length - a.length).slice(0, writers);
  const readPaths = [
    '/api/v1/areas/6471',
    `/api/v1/areas/${kels[0][0].code.slice(0, 7)}`,
    `/api/v1/areas/${kels[0][0].code.slice(0, 7)}/children`,
    `/api/v1/areas/${kels[1][0].code.slice(0, 10)}`,
    `/api/v1/areas/${kels[1][0].code.slice(0, 10)}/children`,
    `/api/v1/areas/${kels[2][0].code.slice(0, 10)}/daily`,
  ];
  let seedState = 20221015;
  const rnd = () => {
    seedState = (seedState * 1103515245 + 12345) % 2147483648;
    return seedState / 2147483648;
  };
  const writeMs: number[] = [];
  const readMs: number[] = [];
  let failed = 0;
  const deadline = Date.now() + seconds * 1000;
  const days = Math.round((Date.parse(c.e) - Date.parse(c.s)) / 86_400_000) + 1;
  const write = async (w: number) => {
    const pool = kels[w % kels.length];
    let next = Date.now() + (paceMs * w) / writers;
    while (Date.now() < deadline) {
      if (paceMs) {
        const wait = next - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        next = Math.max(next + paceMs, Date.now());
        if (Date.now() >= deadline) break;
      }
      const size = 1 + Math.floor(rnd() * 30);
      const used = new Set<string>();
      const rows = [];
      for (let i = 0; i < size; i++) {
        const u = pool[Math.floor(rnd() * pool.length)];
        const tanggal = addDays(c.s, Math.floor(rnd() * Math.min(days, 30)));
        if (used.has(u.code + tanggal)) continue;
        used.add(u.code + tanggal);
        const variant = Math.floor(rnd() * 3);
        rows.push({ tanggal, kodeSubsls: u.code, kodePetugas: u.ppl, selesai: Math.floor(u.prelist * 0.2 * variant), menolak: variant, tidakDitemui: 0, tidakDitemukan: 0, keluargaBaru: variant });
      }
      const t0 = performance.now();
      const response = await fetch(`${server.base}/api/v1/reports`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(rows) });
      await response.arrayBuffer();
      writeMs.push(performance.now() - t0);
      if (response.status >= 500) failed++;
    }
  };
  const read = async (r: number) => {
    let i = r;
    while (Date.now() < deadline) {
      const t0 = performance.now();
      const response = await fetch(server.base + readPaths[i++ % readPaths.length], { headers });
      await response.arrayBuffer();
      readMs.push(performance.now() - t0);
      if (response.status >= 500) failed++;
    }
  };
  await Promise.all([...Array.from({ length: writers }, (_, w) => write(w)), ...Array.from({ length: readers }, (_, r) => read(r))]);
  return {
    seconds,
    writes: writeMs.length,
    reads: readMs.length,
    writeP50: percentile(writeMs, 50),
    writeP95: percentile(writeMs, 95),
    readP50: percentile(readMs, 50),
    readP95: percentile(readMs, 95),
    failed,
  };
}

/** A multipart body of ~`target` bytes generated on the fly: every sub-SLS × every window date, with a long note. */
async function* bigUpload(subs: Sub[], boundary: string, target: number): AsyncGenerator<Uint8Array> {
  yield Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nreports\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="besar.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
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

export interface UploadResult {
  mb: number;
  seconds: number;
  rows: number;
  /** The server's RSS before the upload and its sampled peak during it (MB). */
  rssBeforeMb: number;
  rssPeakMb: number;
}

/** A ~20 MB CSV upload streamed to POST /api/v1/imports while the server's RSS is sampled. */
export async function benchBigUpload(db: Db, server: AppServer, adminToken: string, megabytes = 20): Promise<UploadResult> {
  const subs = await loadSubs(db);
  const boundary = `bench${Date.now().toString(36)}`;
  const memory = server.sampleMemory();
  const rssBeforeMb = memory.stop();
  const during = server.sampleMemory();
  let bytes = 0;
  async function* counted() {
    for await (const c of bigUpload(subs, boundary, megabytes * 1024 * 1024 - 1000)) {
      bytes += c.length;
      yield c;
    }
  }
  const t0 = performance.now();
  const response = await fetch(`${server.base}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: counted() as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  const body = (await response.json()) as { totalRows?: number };
  const seconds = (performance.now() - t0) / 1000;
  const rssPeakMb = during.stop();
  if (!response.ok) throw new Error(`20 MB upload: HTTP ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { mb: bytes / 1024 ** 2, seconds, rows: body.totalRows ?? 0, rssBeforeMb, rssPeakMb };
}
