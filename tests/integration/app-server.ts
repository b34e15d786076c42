// A built Pantau served by `next start` on a fresh seeded database, for tests that must go
// through HTTP (the real proxy, cookies, route handlers and pages). PostgreSQL when
// TEST_DATABASE_URL is set (a throw-away database on that server), else PGlite in a temp folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { freePort, waitFor } from '../support/net';

export interface AppServer {
  baseUrl: string;
  database: 'pglite' | 'postgres';
  /** The server's own database: its postgres:// URL, or '' with PANTAU_DATA_DIR for PGlite. */
  env: Record<string, string>;
  close(): Promise<void>;
}

const SOURCES = ['app', 'lib', 'components', 'messages', 'proxy.ts', 'next.config.js'];

function newestSource(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((e) => newestSource(path.join(entry, e))));
}

const isFresh = () => existsSync('.next/BUILD_ID') && statSync('.next/BUILD_ID').mtimeMs > Math.max(...SOURCES.map(newestSource));

/**
 * Builds unless a build newer than every source exists (npm test's e2e setup has usually just
 * built). Test files run in parallel, so one builds under a lock folder and the others wait.
 */
export async function ensureBuild(): Promise<void> {
  const lock = '.next-build.lock';
  for (const until = Date.now() + 15 * 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 1000))) {
    if (isFresh()) return;
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a run that died mid-build (a build takes a few minutes) is taken over.
      if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      continue;
    }
    try {
      if (isFresh()) return;
      const build = spawnSync('./node_modules/.bin/next', ['build'], { stdio: 'inherit' });
      if (build.status !== 0) throw new Error('next build failed');
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  throw new Error('timed out waiting for another test file to build the app');
}

/** A database for the server and how to remove it afterwards (on `url`, default TEST_DATABASE_URL). */
export async function provisionDatabase(url = process.env.TEST_DATABASE_URL): Promise<{ env: Record<string, string>; kind: AppServer['database']; drop(): Promise<void> }> {
  if (!url) {
    const dir = mkdtempSync(path.join(tmpdir(), 'pantau-http-'));
    return { env: { DATABASE_URL: '', PANTAU_DATA_DIR: path.join(dir, 'pglite') }, kind: 'pglite', drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `pantau_h_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.toString() },
    kind: 'postgres',
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * The environment of a server (and of scripts/db.ts) on `database`: demo mode, production, and
 * behind a trusted proxy — the tests play that proxy, setting X-Forwarded-For per client.
 */
export function serverEnv(database: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...database, PANTAU_DEMO: '1', PANTAU_TRUSTED_PROXY: '1', PANTAU_ARCHIVE: '0', NODE_ENV: 'production' as const };
}

/** Seeds the demo at `scale` with its demo logins (scripts/db.ts seed). */
export function seedDatabase(env: NodeJS.ProcessEnv, scale: number): void {
  const seed = spawnSync('./node_modules/.bin/tsx', ['--import', './scripts/server-only-hook.mjs', 'scripts/db.ts', 'seed', '--scale', String(scale)], { stdio: 'inherit', env });
  if (seed.status !== 0) throw new Error('seeding the test database failed');
}

/** One `next start` process: its URL, its process (to kill it as a crash would) and a clean stop. */
export interface ServedApp {
  baseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Serves the built app on `port` (default: a free one) and waits until it answers. */
export async function serveApp(env: NodeJS.ProcessEnv, port?: number): Promise<ServedApp> {
  const listen = port ?? (await freePort());
  const server: ChildProcess = spawn('./node_modules/.bin/next', ['start', '-p', String(listen), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${listen}`;
  await waitFor(`${baseUrl}/masuk`, 60_000);
  return {
    baseUrl,
    process: server,
    stop: async () => {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}

/** Seeds the demo at `scale` (with its demo logins) and serves the built app on a free port. */
export async function startAppServer(opts: { scale: number }): Promise<AppServer> {
  await ensureBuild();
  const database = await provisionDatabase();
  const env = serverEnv(database.env);
  seedDatabase(env, opts.scale);
  const app = await serveApp(env);
  return {
    baseUrl: app.baseUrl,
    database: database.kind,
    env: database.env,
    close: async () => {
      await app.stop();
      await database.drop();
    },
  };
}
