// The daily archive: the PDF daily report and the summary card of the kota, every kecamatan and
// every kelurahan for one day, kept in archive_file. One process writes a day: it claims the day
// in archive_run (insert … on conflict), so several servers on one database never both write it.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { archiveFile } from '@/lib/db/schema';
import { buildAreaExport } from '@/lib/export/area-export';
import type { Campaign } from '@/lib/queries/campaign';
import { dataOn, systemViewer, type Data } from '@/lib/server/data';
import { buildAreaCard } from '@/lib/share/area-card';
import { archiveDayDue } from './archive-day';

export type ArchiveTrigger = 'schedule' | 'startup' | 'command' | 'admin';

export interface ArchiveOutcome {
  kodeKota: string;
  tanggal: string;
  /** written: this call wrote the day; done: it was already there; busy: another process is writing it. */
  status: 'written' | 'done' | 'busy';
  files: number;
}

/** A claim older than this is a dead process's (a day takes well under a minute). */
const STALE_CLAIM = '15 minutes';

/**
 * Claims the day for this process. Taken when nobody has it, when an earlier run failed or died,
 * and — with `rewrite` (the command, the admin button) — when it is done, to write it again.
 */
async function claimDay(db: Db, kodeKota: string, tanggal: string, trigger: ArchiveTrigger, rewrite: boolean): Promise<string | null> {
  const [row] = await queryRows<{ started_at: string }>(
    db,
    sql`insert into archive_run (kode_kota, tanggal, status, trigger, started_at)
      values (${kodeKota}, ${tanggal}::date, 'running', ${trigger}, clock_timestamp())
      on conflict (kode_kota, tanggal) do update set status = 'running', trigger = excluded.trigger,
        started_at = excluded.started_at, finished_at = null, files = 0, message = null
      where archive_run.status = 'failed'
        or (archive_run.status = 'running' and archive_run.started_at < clock_timestamp() - ${STALE_CLAIM}::interval)
        or (${rewrite}::boolean and archive_run.status = 'done')
      returning started_at::text as started_at`,
  );
  return row?.started_at ?? null;
}

async function runStatus(db: Db, kodeKota: string, tanggal: string): Promise<{ status: string; files: number } | null> {
  const [row] = await queryRows<{ status: string; files: number }>(
    db,
    sql`select status, files from archive_run where kode_kota = ${kodeKota} and tanggal = ${tanggal}::date`,
  );
  return row ?? null;
}

/** The kota, its kecamatan and its kelurahan, top level first. */
async function archivedAreas(data: Data, campaign: Campaign, tanggal: string): Promise<string[]> {
  const params = { code: campaign.kodeKota, asOf: tanggal, window: campaign };
  const [kecamatan, kelurahan] = await Promise.all([
    data.listAreaChildren({ ...params, level: 'kecamatan' }),
    data.listAreaChildren({ ...params, level: 'kelurahan' }),
  ]);
  return [campaign.kodeKota, ...kecamatan.map((a) => a.code), ...kelurahan.map((a) => a.code)];
}

async function keep(db: Db, row: { kodeKota: string; tanggal: string; areaCode: string; kind: 'pdf' | 'png'; filename: string; body: Buffer }): Promise<void> {
  await db
    .insert(archiveFile)
    .values({ ...row, bytes: row.body.length, createdAt: sql`clock_timestamp()` as never })
    .onConflictDoUpdate({
      target: [archiveFile.kodeKota, archiveFile.tanggal, archiveFile.areaCode, archiveFile.kind],
      set: { filename: row.filename, body: row.body, bytes: row.body.length, createdAt: sql`clock_timestamp()` as never },
    });
}

/**
 * Writes the archive of one day (one file at a time, so memory stays flat). Idempotent: a day
 * already done is left as it is unless `rewrite`; a rewrite replaces every file and drops any
 * left from an area that no longer exists, so a day always holds one set.
 */
export async function writeArchiveDay(
  db: Db,
  kodeKota: string,
  tanggal: string,
  opts: { trigger: ArchiveTrigger; rewrite?: boolean; now?: Date },
): Promise<ArchiveOutcome> {
  // Read as the system for this kab/kota: an admin of it, and of nothing else.
  const viewer = systemViewer(kodeKota, 'arsip');
  const data = dataOn(db, viewer);
  const campaign = await data.getCampaign();
  if (!campaign) throw new RangeError(`no campaign for kab/kota ${kodeKota}`);
  if (tanggal < campaign.startDate || tanggal > campaign.lastReportDate) {
    throw new RangeError(`tanggal must be between ${campaign.startDate} and ${campaign.lastReportDate}: ${tanggal}`);
  }
  const claimed = await claimDay(db, kodeKota, tanggal, opts.trigger, opts.rewrite ?? false);
  if (!claimed) {
    const run = await runStatus(db, kodeKota, tanggal);
    return { kodeKota, tanggal, status: run?.status === 'done' ? 'done' : 'busy', files: run?.files ?? 0 };
  }
  let files = 0;
  try {
    for (const code of await archivedAreas(data, campaign, tanggal)) {
      const pdf = await buildAreaExport(data, { code, format: 'pdf', asOf: tanggal, locale: 'id', now: opts.now });
      if (pdf) await keep(db, { kodeKota, tanggal, areaCode: code, kind: 'pdf', filename: pdf.filename, body: pdf.body as Buffer });
      const png = await buildAreaCard(data, campaign, { code, asOf: tanggal, locale: 'id' });
      if (png) await keep(db, { kodeKota, tanggal, areaCode: code, kind: 'png', filename: `pantau-${code}-kartu-${tanggal}.png`, body: png });
      files += (pdf ? 1 : 0) + (png ? 1 : 0);
    }
    await db.execute(sql`delete from archive_file where kode_kota = ${kodeKota} and tanggal = ${tanggal}::date and created_at < ${claimed}::timestamptz`);
    await db.execute(sql`update archive_run set status = 'done', finished_at = clock_timestamp(), files = ${files}
      where kode_kota = ${kodeKota} and tanggal = ${tanggal}::date`);
  } catch (error) {
    await db.execute(sql`update archive_run set status = 'failed', finished_at = clock_timestamp(), message = ${String(error).slice(0, 500)}
      where kode_kota = ${kodeKota} and tanggal = ${tanggal}::date`);
    throw error;
  }
  return { kodeKota, tanggal, status: 'written', files };
}

/**
 * The scheduled job: for every campaign whose archive is due at `now`, writes that day unless it
 * is there. Called at each campaign's archive time and once at start (a missed morning is made up).
 */
export async function runDueArchives(db: Db, now: Date, trigger: ArchiveTrigger = 'schedule'): Promise<ArchiveOutcome[]> {
  const campaigns = await queryRows<{ kode_kota: string; archive_time: string }>(db, sql`select kode_kota, archive_time from campaign order by kode_kota`);
  const outcomes: ArchiveOutcome[] = [];
  for (const c of campaigns) {
    const campaign = await dataOn(db, systemViewer(c.kode_kota, 'arsip')).getCampaign();
    if (!campaign) continue;
    const day = archiveDayDue({ ...campaign, archiveTime: c.archive_time }, now);
    if (day) outcomes.push(await writeArchiveDay(db, c.kode_kota, day, { trigger, now }));
  }
  return outcomes;
}
