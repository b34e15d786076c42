// Builds the app unless a production build newer than every source already exists
// (PANTAU_REBUILD=1 forces a build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'lib', 'components', 'messages', 'proxy.ts', 'next.config.js', 'package-lock.json'];

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((e) => newest(path.join(entry, e))));
}

const fresh = existsSync('.next/BUILD_ID') && statSync('.next/BUILD_ID').mtimeMs > Math.max(...SOURCES.map(newest));
if (!fresh || process.env.PANTAU_REBUILD === '1') {
  const r = spawnSync('./node_modules/.bin/next', ['build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
