// One day's archive written in a process of its own (started by scripts/bench/archive.ts): prints
// its wall time and this process's RSS just before and at its peak as one JSON line. Run apart
// so the figure is the archive's own, not the bench process's garbage from seeding.
import { writeArchiveDay } from '@/lib/archive/archive-job';
import { openDatabase } from '@/lib/db/client';
import { areaScope } from '@/lib/domain/scope';
import { getCampaign } from '@/lib/queries/campaign';

const MB = 1024 * 1024;
const [url, kodeKota = '6471'] = process.argv.slice(2);
if (!url) throw new Error('usage: archive-run.ts <database url> [kode kota]');

const database = await openDatabase({ url, max: 4 });
try {
  const campaign = await getCampaign(database.db, areaScope(kodeKota));
  if (!campaign) throw new Error(`no campaign ${kodeKota}`);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  try {
    const outcome = await writeArchiveDay(database.db, kodeKota, campaign.defaultAsOf, { trigger: 'command', rewrite: true });
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(JSON.stringify({ day: outcome.tanggal, files: outcome.files, seconds: (performance.now() - started) / 1000, rssBeforeMb: rssBefore / MB, rssPeakMb: peak / MB }));
  } finally {
    clearInterval(timer);
  }
} finally {
  await database.close();
}
