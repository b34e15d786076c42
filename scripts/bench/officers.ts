// Benchmark of GET /api/v1/officers (a page of 50, sorted by various columns) on PostgreSQL,
// at --scale 1 (1,104 officers) and --scale 10 (11,040), 32 connections.
// Needs a build (`next build`) and a PostgreSQL server; creates and drops its own database.
// Usage: tsx scripts/bench/officers.ts [--admin-url postgres://postgres@127.0.0.1:5432/postgres]
//        [--scales 1,10] [--duration 8] [--connections 32] [--port 3102]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import { percentile } from '@/lib/domain/pace';

const { values: opts } = parseArgs({
  options: {
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    scales: { type: 'string', default: '1,10' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    port: { type: 'string', default: '3102' },
  },
});
const DB_NAME = `pantau_bench_off_${process.pid}`;
const SORTS = ['code', 'name:desc', 'pace7:desc', 'daysSilent:desc', 'progres', 'projectedFinish:desc', 'status', 'flags:desc'];
const TARGET_P95_MS = 50;

interface Run {
  scale: number;
  sort: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU time per request of the Next.js server and of the PostgreSQL backends (shared-machine proof). */
  serverCpuMs: number;
  postgresCpuMs: number;
}

function databaseUrl(name: string): string {
  const url = new URL(opts['admin-url']!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database with the demo at the given scale, analysed like autovacuum would have done. */
async function prepareDatabase(scale: number): Promise<void> {
  const admin = postgres(opts['admin-url']!, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.unsafe(`create database ${DB_NAME}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: databaseUrl(DB_NAME), max: 2 });
  try {
    await migrateDatabase(database);
    const t = await seedDemo(database.db, { seed: 2022, scale });
    // What autovacuum and the checkpointer would have done by the time anyone looks.
    await database.db.execute(sql`vacuum analyze`);
    await database.db.execute(sql`checkpoint`);
    console.log(`scale ${scale}: seeded in ${((t.generateMs + t.loadMs) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

async function dropDatabase(): Promise<void> {
  const admin = postgres(opts['admin-url']!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.end();
}

async function startServer(): Promise<ChildProcess> {
  const env = { ...process.env, DATABASE_URL: databaseUrl(DB_NAME), PANTAU_DEMO: '0', NODE_ENV: 'production' as const };
  const server = spawn('./node_modules/.bin/next', ['start', '-p', opts.port!, '-H', '127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${base()}/api/v1/officers?pageSize=1`);
      if (r.ok) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  server.kill('SIGTERM');
  throw new Error('next start did not answer within 60 s');
}

/** User + system CPU seconds of a local process, from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function postgresCpu(): Promise<number> {
  const admin = postgres(opts['admin-url']!, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select pid from pg_stat_activity where datname = ${DB_NAME}`;
    return rows.reduce((s, r) => s + cpuSeconds(Number(r.pid)), 0);
  } finally {
    await admin.end();
  }
}

const base = () => `http://127.0.0.1:${opts.port}`;
/** The same conditions on the smallest existing endpoint: what Next.js, the viewer and the pool cost alone. */
const BASELINE = 'baseline /api/v1/areas/6471';
const pathFor = (sort: string) => {
  if (sort === BASELINE) return '/api/v1/areas/6471';
  const [key, dir = 'asc'] = sort.split(':');
  return `/api/v1/officers?page=1&pageSize=50&sort=${key}&dir=${dir}`;
};

/** One autocannon run; every response time is kept so the p95 is exact. */
async function measure(scale: number, sort: string, serverPid: number): Promise<Run> {
  const times: number[] = [];
  const cpu0 = cpuSeconds(serverPid);
  const pg0 = await postgresCpu();
  let errors = 0;
  const instance = autocannon({ url: base() + pathFor(sort), connections: Number(opts.connections), duration: Number(opts.duration) });
  instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status !== 200) errors++;
    times.push(time);
  });
  const result = await instance;
  const [cpu1, pg1] = [cpuSeconds(serverPid), await postgresCpu()];
  return {
    scale,
    sort,
    requests: times.length,
    rps: Math.round(times.length / result.duration),
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    errors: errors + result.errors + result.timeouts,
    serverCpuMs: ((cpu1 - cpu0) * 1000) / Math.max(1, times.length),
    postgresCpuMs: ((pg1 - pg0) * 1000) / Math.max(1, times.length),
  };
}

async function benchScale(scale: number): Promise<Run[]> {
  await prepareDatabase(scale);
  const server = await startServer();
  try {
    for (const sort of SORTS) await fetch(base() + pathFor(sort)); // build the table and each sorted view once
    await measure(scale, SORTS[0], server.pid!); // warm-up: JIT, connection pool
    const runs: Run[] = [];
    for (const sort of [...SORTS, BASELINE]) {
      const run = await measure(scale, sort, server.pid!);
      console.log(
        `scale ${scale} ${sort.padEnd(26)} ${run.rps} req/s  p50 ${run.p50.toFixed(1)} ms  p95 ${run.p95.toFixed(1)} ms  p99 ${run.p99.toFixed(1)} ms` +
          `  cpu/req: next ${run.serverCpuMs.toFixed(1)} ms, postgres ${run.postgresCpuMs.toFixed(1)} ms  errors ${run.errors}`,
      );
      runs.push(run);
    }
    return runs;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main(): Promise<void> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no build: run `next build` first');
  const runs: Run[] = [];
  try {
    for (const scale of opts.scales!.split(',').map(Number)) runs.push(...(await benchScale(scale)));
  } finally {
    await dropDatabase();
  }
  const of = (scale: number) => runs.filter((r) => r.scale === scale && r.sort !== BASELINE);
  const worst = (scale: number) => Math.max(...of(scale).map((r) => r.p95));
  const median = (scale: number) => percentile(of(scale).map((r) => r.p95), 0.5);
  const scales = [...new Set(runs.map((r) => r.scale))];
  for (const s of scales) {
    console.log(`scale ${s}: p95 worst ${worst(s).toFixed(1)} ms, median over sorts ${median(s).toFixed(1)} ms (target ${s === 1 ? `≤ ${TARGET_P95_MS}` : '≤ 1.5 × scale 1'})`);
  }
  if (scales.includes(1) && scales.includes(10)) {
    console.log(`scale 10 / scale 1: worst ${(worst(10) / worst(1)).toFixed(2)}×, median ${(median(10) / median(1)).toFixed(2)}×`);
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/officers.json', JSON.stringify({ at: new Date().toISOString(), connections: Number(opts.connections), duration: Number(opts.duration), runs }, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
