// npm test: unit, integration (PGlite, and PostgreSQL when TEST_DATABASE_URL is set) and
// e2e (Chromium against a built app) in one Vitest run, closing with one plain summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const json = 'test-results/vitest.json';
const run = spawnSync(
  './node_modules/.bin/vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let summary = 'no test results were written';
try {
  const r = JSON.parse(readFileSync(json, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : '');
} catch {
  /* the runner died before writing results: its exit code says so below */
}
console.log(`\ntests: ${summary}`);
process.exit(run.status ?? 1);
