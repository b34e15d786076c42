// Builds the app unless a production build of the current sources already exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('.next/BUILD_ID') || process.env.PANTAU_REBUILD === '1') {
  const r = spawnSync('./node_modules/.bin/next', ['build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
