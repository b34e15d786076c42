// What the benchmarks run on: the machine, a throw-away PostgreSQL database per scale, the built
// app under `next start`, its memory (from /proc) and the demo logins' session tokens.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';
import { freePort, waitFor } from '../../tests/support/net';
import type { Machine } from './report';
import { productionServerCommand } from './server-command';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function machineInfo(): Promise<Machine> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  let pg = 'PostgreSQL ?';
  try {
    const [row] = await admin`select version()`;
    pg = String(row.version).split(' on ')[0];
  } finally {
    await admin.end();
  }
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? '?',
    ramGb: totalmem() / 1024 ** 3,
    loadAvgStart: loadavg(),
    node: process.version,
    postgres: pg,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** A fresh database on the shared server, named for this run (helper-safe), and how to drop it. */
export async function createDatabase(label: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `pantau_bench_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  return {
    name,
    url,
    drop: async () => {
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/**
 * A database kept between runs (--reuse): used as it is when it holds the demo at `scale` (one
 * campaign per city), migrated to this build's schema; otherwise created afresh, to be seeded.
 * Never dropped by the run.
 */
export async function reuseDatabase(name: string, scale: number): Promise<{ name: string; url: string; seeded: boolean; drop(): Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--reuse: ${name} is not a plain database name`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  const keep = { name, url, drop: async () => {} };
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) {
      const database = await openDatabase({ url, max: 1 });
      try {
        const [row] = await queryRows<{ cities: number; areas: number }>(
          database.db,
          sql`select (select count(*) from campaign)::int as cities, (select count(*) from area)::int as areas`,
        ).catch(() => [{ cities: 0, areas: 0 }]);
        if (row.cities === scale && row.areas > 0) {
          await migrateDatabase(database);
          return { ...keep, seeded: true };
        }
      } finally {
        await database.close();
      }
      await admin.unsafe(`drop database ${name} with (force)`);
    }
    await admin.unsafe(`create database ${name}`);
    return { ...keep, seeded: false };
  } finally {
    await admin.end();
  }
}

/** Resident set size now and its high-water mark, in bytes, from /proc/<pid>/status; null when gone. */
export function procMemory(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** User + system CPU seconds of a process, from /proc (0 when gone). */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The process and its descendants (next start may serve from a child process). */
export function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.split(') ')[1].split(' ')[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parent) if (ppid === out[i]) out.push(pid);
  return out;
}

/** CPU seconds used so far by the PostgreSQL backends connected to `database` (the pool's connections). */
export async function postgresCpuSeconds(database: string): Promise<number> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select pid from pg_stat_activity where datname = ${database}`;
    return rows.reduce((sum, r) => sum + cpuSeconds(Number(r.pid)), 0);
  } finally {
    await admin.end();
  }
}

export interface AppServer {
  base: string;
  /** The database it serves (for the PostgreSQL backends' CPU). */
  database: string;
  process: ChildProcess;
  /** The pids of the server (the next start process and any children). */
  pids(): number[];
  /** Samples the summed RSS every 200 ms; stop() returns the sampled peak in MB. */
  sampleMemory(): { stop(): number };
  /** The largest VmHWM (high-water mark since start) of the server's processes, in MB. */
  highWaterMb(): number;
  cpuSeconds(): number;
  close(): Promise<void>;
}

/**
 * `next start` of the build on a free port against `databaseUrl`, once it answers: the command
 * and Node flags of `npm start` (package.json), so the memory measured is production's.
 */
export async function startServer(databaseUrl: string): Promise<AppServer> {
  const database = new URL(databaseUrl).pathname.slice(1);
  const port = await freePort();
  const { nodeFlags, args } = productionServerCommand();
  // PANTAU_BENCH_NODE_FLAGS: extra Node flags for the server only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).
  const extra = (process.env.PANTAU_BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, ...extra, ...args, '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PANTAU_DEMO: '1', PANTAU_ARCHIVE: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/masuk`, 90_000);
  const pids = () => processTree(child.pid!).filter((p) => procMemory(p));
  return {
    base,
    database,
    process: child,
    pids,
    cpuSeconds: () => pids().reduce((s, p) => s + cpuSeconds(p), 0),
    sampleMemory() {
      let peak = 0;
      const tick = () => (peak = Math.max(peak, pids().reduce((s, p) => s + (procMemory(p)?.rss ?? 0), 0)));
      tick();
      const timer = setInterval(tick, 200);
      return {
        stop() {
          clearInterval(timer);
          tick();
          return peak / 1024 ** 2;
        },
      };
    },
    highWaterMb: () => Math.max(0, ...pids().map((p) => procMemory(p)?.hwm ?? 0)) / 1024 ** 2,
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A session token of a demo login (POST /api/v1/session), for `Authorization: Bearer`, and its cookie. */
export async function signIn(base: string, username: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`signing in as ${username}: HTTP ${response.status} ${await response.text()}`);
  const token = ((await response.json()) as { token: string }).token;
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { token, cookie };
}
