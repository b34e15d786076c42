// npm run bench: builds the app if needed, then runs each benchmark in turn against PostgreSQL on
// 127.0.0.1:5432 (each creates and drops its own database) and prints their tables. Targets are
// in the issue texts and docs/PERFORMANCE.md; nothing here asserts them — it measures and prints.
// One suite alone: npm run bench -- areas   (seed | areas | officers | ingest)
import { spawnSync } from 'node:child_process';

const SUITES: Record<string, string[]> = {
  seed: ['scripts/bench/seed.ts', '1', '10'],
  areas: ['scripts/bench/areas.ts'],
  officers: ['scripts/bench/officers.ts'],
  ingest: ['--expose-gc', 'scripts/bench/ingest.ts'],
};

const chosen = process.argv.slice(2).filter((s) => s in SUITES);
const names = chosen.length ? chosen : Object.keys(SUITES);
if (names.some((n) => n !== 'seed')) {
  const build = spawnSync('node', ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const started = new Date();
console.log(`Pantau benchmarks — ${started.toISOString()} — ${process.platform} ${process.arch}, node ${process.version}`);
let failed = 0;
for (const name of names) {
  console.log(`\n== ${name}`);
  const t0 = performance.now();
  const run = spawnSync('./node_modules/.bin/tsx', SUITES[name], { stdio: 'inherit' });
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s, exit ${run.status})`);
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
