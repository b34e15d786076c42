// The archive schedule inside the server process: one croner job per campaign at its archive
// time in its own time zone, and one make-up run shortly after start. Several servers may run
// this; the claim in archive_run (archive-job.ts) lets exactly one write a day.
import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { cronOf } from './archive-day';
import { runDueArchives, type ArchiveTrigger } from './archive-job';

/** The start-up make-up waits this long, so a starting server first answers its requests. */
const STARTUP_DELAY_MS = 20_000;

const holder = globalThis as unknown as { pantauArchiveJobs?: Cron[] };

async function run(getDb: () => Promise<Db>, trigger: ArchiveTrigger): Promise<void> {
  try {
    const outcomes = await runDueArchives(await getDb(), new Date(), trigger);
    for (const o of outcomes.filter((x) => x.status === 'written')) console.info(`[arsip] ${o.kodeKota} ${o.tanggal}: ${o.files} berkas (${trigger})`);
  } catch (error) {
    // The failure is recorded on the day's archive_run row; the next run or a make-up retries it.
    console.error('[arsip] gagal:', error);
  }
}

/** Starts the schedule once per process (module reloads in dev must not double it). */
export async function startArchiveScheduler(getDb: () => Promise<Db>): Promise<void> {
  if (holder.pantauArchiveJobs) return;
  holder.pantauArchiveJobs = [];
  const campaigns = await queryRows<{ kode_kota: string; timezone: string; archive_time: string }>(
    await getDb(),
    sql`select kode_kota, timezone, archive_time from campaign order by kode_kota`,
  );
  // One job per distinct time and zone: runDueArchives looks at every campaign whose run is due.
  const slots = new Map(campaigns.map((c) => [`${c.archive_time}|${c.timezone}`, c]));
  for (const c of slots.values()) {
    holder.pantauArchiveJobs.push(
      new Cron(cronOf(c.archive_time), { timezone: c.timezone, protect: true, unref: true, name: `arsip-${c.kode_kota}` }, () => run(getDb, 'schedule')),
    );
  }
  setTimeout(() => void run(getDb, 'startup'), STARTUP_DELAY_MS).unref();
}
