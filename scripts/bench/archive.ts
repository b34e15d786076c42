// The daily archive of one day (PDF report and summary card of the kota, every kecamatan and
// kelurahan), as the server's morning job writes it, in a fresh process of its own
// (scripts/bench/archive-run.ts): wall time and that process's RSS rise over its RSS just before,
// after a full collection (sampled every 100 ms). In the bench's own process the rise had
// depended on when V8 collected the seeding's garbage (57–467 MB for unchanged code).
import { spawn } from 'node:child_process';

export interface ArchiveBench {
  day: string;
  files: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
}

export async function benchArchive(url: string, kodeKota = '6471'): Promise<ArchiveBench> {
  const child = spawn('./node_modules/.bin/tsx', ['--expose-gc', '--import', './scripts/server-only-hook.mjs', 'scripts/bench/archive-run.ts', url, kodeKota], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`archive run failed (exit ${code}): ${err.slice(-2000)}`);
  return JSON.parse(line) as ArchiveBench;
}
