// The daily archive of one day (PDF report and summary card of the kota, every kecamatan and
// kelurahan) written in this process, as the server's morning job writes it: wall time and the
// process's RSS rise over its RSS just before (sampled every 100 ms).
import { writeArchiveDay } from '@/lib/archive/archive-job';
import { openDatabase } from '@/lib/db/client';
import { areaScope } from '@/lib/domain/scope';
import { getCampaign } from '@/lib/queries/campaign';

export interface ArchiveBench {
  day: string;
  files: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
}

const MB = 1024 * 1024;

export async function benchArchive(url: string, kodeKota = '6471'): Promise<ArchiveBench> {
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
      return { day: outcome.tanggal, files: outcome.files, seconds: (performance.now() - started) / 1000, rssBeforeMb: rssBefore / MB, rssPeakMb: peak / MB };
    } finally {
      clearInterval(timer);
    }
  } finally {
    await database.close();
  }
}
