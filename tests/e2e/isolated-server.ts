import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { freePort, waitFor } from '../support/net';

export interface IsolatedServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * A second server on the build global-setup made, with its own freshly seeded database: for
 * suites that write (imports, reports) so the shared server keeps the demo figures other
 * suites assert. The database is a copy of the one global-setup seeded (seconds, where seeding
 * takes a minute), or seeded here when there is none.
 */
export async function startIsolatedServer(): Promise<IsolatedServer> {
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'pantau-e2e-own-'));
  const env = { ...process.env, DATABASE_URL: '', PANTAU_DATA_DIR: path.join(dataRoot, 'pglite'), PANTAU_DEMO: '1', PANTAU_ARCHIVE: '0' };
  const template = inject('seedTemplate');
  if (template) {
    cpSync(template, env.PANTAU_DATA_DIR, { recursive: true });
  } else {
    const seed = spawnSync('./node_modules/.bin/tsx', ['--import', './scripts/server-only-hook.mjs', 'scripts/db.ts', 'setup'], { stdio: 'inherit', env });
    if (seed.status !== 0) throw new Error('seeding the isolated e2e database failed');
  }
  const port = await freePort();
  const server: ChildProcess = spawn('./node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/api/v1/areas/6471`, 60_000);
  return {
    baseUrl,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
