// Benchmark of the area read API on PostgreSQL: p50/p95/req/s of /api/v1/areas/{code} and
// /children at 32 connections, at --scale 1 and 10, next to the in-process time of the same
// query functions (no HTTP, no Next.js) so the overhead is visible.
// Usage: tsx scripts/bench/areas.ts [--scales 1,10] [--duration 10] [--connections 32] [--port 3190]
// Needs a build (next build) and PostgreSQL on 127.0.0.1:5432; creates and drops pantau_bench_dash.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, queryRows, type Db } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope } from '@/lib/domain/scope';
import { getAreaSummary, listAreaChildren } from '@/lib/queries/areas';
import { getCampaign } from '@/lib/queries/campaign';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    port: { type: 'string', default: '3190' },
    server: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
});
const DB_NAME = `pantau_bench_dash_${process.pid}`;
const adminUrl = `${values.server}/postgres`;
const dbUrl = `${values.server}/${DB_NAME}`;
const connections = Number(values.connections);
const duration = Number(values.duration);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: pct(s, 0.5), p95: pct(s, 0.95), n: s.length };
};

async function recreateDatabase(): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();
}

async function dropDatabase(): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.end();
}

/** A mix of the kota, every kecamatan and kelurahan, and a sample of SLS of the viewer's kota. */
async function codeMix(db: Db): Promise<{ areas: string[]; parents: string[] }> {
  const rows = await queryRows<{ code: string; level: string }>(
    db,
    sql`select code, level from area where kode_kota = '6471' and (level in ('kota', 'kecamatan', 'kelurahan')
      or (level = 'sls' and code like '%7')) order by code`,
  );
  const parents = rows.filter((r) => r.level !== 'sls').map((r) => r.code);
  return { areas: rows.map((r) => r.code), parents };
}

function startServer(port: number): ChildProcess {
  return spawn('./node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: dbUrl, PANTAU_DEMO: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** CPU seconds a process has used (user + system), or NaN off Linux. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface LoadResult {
  p50: number;
  p95: number;
  rps: number;
  failed: number;
  /** Server CPU per request: stays meaningful when the machine is shared and latencies are not. */
  cpuMs: number;
}

/** autocannon over a cycling list of paths; latencies of every response, req/s, failures and server CPU. */
async function load(base: string, paths: string[], seconds: number, server?: ChildProcess): Promise<LoadResult> {
  const cpu0 = cpuSeconds(server?.pid);
  const r = await hammer(base, paths, seconds);
  return { ...r, cpuMs: ((cpuSeconds(server?.pid) - cpu0) * 1000) / Math.max(1, r.total) };
}

function hammer(base: string, paths: string[], seconds: number): Promise<Omit<LoadResult, 'cpuMs'> & { total: number }> {
  let i = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const s = summary(latencies);
        resolve({ p50: s.p50, p95: s.p95, rps: result.requests.average, failed: result.non2xx + result.errors + result.timeouts, total: result.requests.total });
      },
    );
    instance.on('response', (_c, _status, _bytes, ms) => latencies.push(ms));
  });
}

/** The same query functions the handlers call, in-process, one after another: the raw aggregate time. */
async function rawTimes(db: Db, codes: string[], children: boolean): Promise<{ p50: number; p95: number }> {
  const scope = areaScope('6471');
  const campaign = (await getCampaign(db, scope))!;
  const params = (code: string) => ({ code, asOf: campaign.defaultAsOf, window: campaign });
  const ms: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const code of codes) {
      const t0 = performance.now();
      await (children ? listAreaChildren(db, scope, params(code)) : getAreaSummary(db, scope, params(code)));
      ms.push(performance.now() - t0);
    }
  }
  return summary(ms);
}

async function benchScale(scale: number) {
  await recreateDatabase();
  const database = await openDatabase({ url: dbUrl, max: 4 });
  await migrateDatabase(database);
  const seeded = await seedDemo(database.db, { seed: 2022, scale });
  await database.db.execute(sql`analyze`);
  const mix = await codeMix(database.db);
  const port = Number(values.port);
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port);
  try {
    await waitFor(`${base}/api/v1/areas/6471`, 60_000);
    await load(base, mix.areas.map((c) => `/api/v1/areas/${c}`), 3); // warm-up: JIT, pools, caches
    const area = await load(base, mix.areas.map((c) => `/api/v1/areas/${c}`), duration, server);
    const children = await load(base, mix.parents.map((c) => `/api/v1/areas/${c}/children`), duration, server);
    const rawArea = await rawTimes(database.db, mix.areas, false);
    const rawChildren = await rawTimes(database.db, mix.parents, true);
    return { scale, seedSeconds: (seeded.generateMs + seeded.loadMs) / 1000, codes: mix.areas.length, area, children, rawArea, rawChildren };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await database.close();
  }
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no build: run `next build` first');
  const results = [];
  try {
    for (const scale of values.scales.split(',').map(Number)) {
      console.log(`scale ${scale}: seeding ${DB_NAME} …`);
      results.push(await benchScale(scale));
    }
  } finally {
    await dropDatabase();
  }
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(`\n/api/v1 on PostgreSQL, ${connections} connections, ${duration} s each (latency in ms)`);
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs (latencies stretch on a shared machine; CPU/req does not)`);
  console.log('scale  endpoint      p50     p95   req/s  failed  CPU/req | in-process query p50     p95');
  for (const r of results) {
    for (const [name, http, raw] of [
      ['/areas/{code}', r.area, r.rawArea],
      ['/children   ', r.children, r.rawChildren],
    ] as const) {
      console.log(
        `${String(r.scale).padStart(5)}  ${name} ${f(http.p50)} ${f(http.p95)} ${f(http.rps)} ${String(http.failed).padStart(7)} ${f(http.cpuMs)}  |            ${f(raw.p50)} ${f(raw.p95)}`,
      );
    }
  }
  const [one, ten] = [results.find((r) => r.scale === 1), results.find((r) => r.scale === 10)];
  if (one && ten) {
    console.log(`\nscale 10 / scale 1 p95: /areas ${(ten.area.p95 / one.area.p95).toFixed(2)}×, /children ${(ten.children.p95 / one.children.p95).toFixed(2)}× (target ≤ 1.5×)`);
  }
  console.log(`target at scale 1: p95 ≤ 25 ms for both`);
}

await main();
