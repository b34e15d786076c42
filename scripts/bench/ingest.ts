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
  cityDayMedianS: number;
  jsonBatchMedianMs: number;
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
  for (let run = 0; run < runs; run++) {
    // Successive runs move the batch along the sub-SLS: some keys are new, some replace the last run's.
    const from = (run * 300) % Math.max(1, subs.length - 1000);
    const batch = subs.slice(from, from + 1000).map((u) => ({
      tanggal: date,
      kodeSubsls: u.code,
      kodePetugas: u.ppl,
      selesai: u.s,
      menolak: u.r,
      tidakDitemui: u.t,
      tidakDitemukan: u.x,
      keluargaBaru: u.b + run + 1,
    }));
    const t0 = performance.now();
    const response = await fetch(`${server.base}/api/v1/reports`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    const body = (await response.json()) as { accepted?: number; replaced?: number; unchanged?: number };
    jsonBatchMs.push(performance.now() - t0);
    const taken = (body.accepted ?? 0) + (body.replaced ?? 0) + (body.unchanged ?? 0);
    if (!response.ok || taken !== batch.length) throw new Error(`JSON batch: HTTP ${response.status}, ${taken} of ${batch.length} taken: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return { cityRows: subs.length, cityDayMs, jsonBatchMs, cityDayMedianS: median(cityDayMs) / 1000, jsonBatchMedianMs: median(jsonBatchMs) };
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
