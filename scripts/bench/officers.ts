// Benchmark of GET /api/v1/officers (a page of 50, sorted by various columns) on PostgreSQL,
// at --scale 1 (1,104 officers) and --scale 10 (11,040), 32 connections.
// Needs a build (`next build`) and a PostgreSQL server; creates and drops its own database.
// Usage: tsx scripts/bench/officers.ts [--admin-url postgres://postgres@127.0.0.1:5432/postgres]
//        [--scales 1,10] [--duration 8] [--connections 32] [--port 3102]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
const DB_NAME = 'pantau_bench_off';
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
    await database.db.execute(sql`analyze`);
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

const base = () => `http://127.0.0.1:${opts.port}`;
const pathFor = (sort: string) => {
  const [key, dir = 'asc'] = sort.split(':');
  return `/api/v1/officers?page=1&pageSize=50&sort=${key}&dir=${dir}`;
};

/** One autocannon run; every response time is kept so the p95 is exact. */
async function measure(scale: number, sort: string): Promise<Run> {
  const times: number[] = [];
  let errors = 0;
  const instance = autocannon({ url: base() + pathFor(sort), connections: Number(opts.connections), duration: Number(opts.duration) });
  instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status !== 200) errors++;
    times.push(time);
  });
  const result = await instance;
  return {
    scale,
    sort,
    requests: times.length,
    rps: Math.round(times.length / result.duration),
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    errors: errors + result.errors + result.timeouts,
  };
}

async function benchScale(scale: number): Promise<Run[]> {
  await prepareDatabase(scale);
  const server = await startServer();
  try {
    for (const sort of SORTS) await fetch(base() + pathFor(sort)); // build the table and each sorted view once
    const runs: Run[] = [];
    for (const sort of SORTS) {
      const run = await measure(scale, sort);
      console.log(`scale ${scale} sort ${sort.padEnd(20)} ${run.rps} req/s  p50 ${run.p50.toFixed(1)} ms  p95 ${run.p95.toFixed(1)} ms  p99 ${run.p99.toFixed(1)} ms  errors ${run.errors}`);
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
  const worst = (scale: number) => Math.max(...runs.filter((r) => r.scale === scale).map((r) => r.p95));
  const scales = [...new Set(runs.map((r) => r.scale))];
  for (const s of scales) console.log(`scale ${s}: worst p95 over sorts ${worst(s).toFixed(1)} ms (target ${s === 1 ? `≤ ${TARGET_P95_MS}` : `≤ 1.5 × scale 1`})`);
  if (scales.includes(1) && scales.includes(10)) console.log(`scale 10 / scale 1: ${(worst(10) / worst(1)).toFixed(2)}×`);
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
