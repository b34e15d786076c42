import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, waitFor } from '../support/net';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A seeded, closed demo database that isolated servers copy instead of seeding their own ('' if none). */
    seedTemplate: string;
  }
}

/**
 * Builds the app (unless PANTAU_E2E_SKIP_BUILD=1 and a build exists), seeds a fresh embedded
 * database in a temporary folder and serves it with `next start` for the e2e suites; or, with
 * PANTAU_E2E_BASE_URL set, uses that running server (freshly seeded demo, not written to), and
 * PANTAU_E2E_SEED_TEMPLATE (a closed seeded data dir) for the isolated servers if given.
 */
export default async function setup(project: TestProject) {
  // A server already running on a seeded demo (local iteration on one suite): no build, no seed.
  if (process.env.PANTAU_E2E_BASE_URL) {
    project.provide('baseUrl', process.env.PANTAU_E2E_BASE_URL);
    project.provide('seedTemplate', process.env.PANTAU_E2E_SEED_TEMPLATE ?? '');
    return;
  }
  if (process.env.PANTAU_E2E_SKIP_BUILD !== '1') {
    const build = spawnSync('./node_modules/.bin/next', ['build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'pantau-e2e-'));
  // Seeded once; the shared server and every isolated server run on copies of it.
  const template = path.join(dataRoot, 'template');
  const seed = spawnSync('./node_modules/.bin/tsx', ['--import', './scripts/server-only-hook.mjs', 'scripts/db.ts', 'setup'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: '', PANTAU_DATA_DIR: template, PANTAU_DEMO: '1', PANTAU_ARCHIVE: '0' },
  });
  if (seed.status !== 0) throw new Error('seeding the e2e database failed');
  cpSync(template, path.join(dataRoot, 'pglite'), { recursive: true });
  const env = { ...process.env, DATABASE_URL: '', PANTAU_DATA_DIR: path.join(dataRoot, 'pglite'), PANTAU_DEMO: '1', PANTAU_ARCHIVE: '0' };
  const port = await freePort();
  const server: ChildProcess = spawn('./node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/api/v1/areas/6471`, 60_000);
  project.provide('baseUrl', baseUrl);
  project.provide('seedTemplate', template);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataRoot, { recursive: true, force: true });
  };
}
