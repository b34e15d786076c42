import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { completenessRange } from '@/lib/domain/as-of';
import { addDays, clampDate } from '@/lib/domain/dates';
import { latestCompleteDay, reachesThreshold } from '@/lib/domain/completeness';
import type { Scope } from '@/lib/domain/scope';
import type { CampaignWindow } from '@/lib/domain/types';
import { FeedMemory } from '@/lib/db/data-feed';
import { memoByStamp } from '@/lib/server/stamp-cache';
import { listDayReporting } from './reporting';
import type { MarksContext } from './reporting-marks';

export interface Campaign extends CampaignWindow {
  kodeKota: string;
  name: string;
  timezone: string;
  /** Last date a report may carry: endDate + graceDays. */
  lastReportDate: string;
  /** Latest report date in the data, or null before the first report: how far a reader may go (a partial day). */
  latestReport: string | null;
  /** Share of the expected PPL that makes a day complete (default 0.8). */
  completeThreshold: number;
  /**
   * The kab/kota's latest complete day (lib/domain/completeness.ts), or null when none is yet.
   * Pace, forecasts and statuses never use a later day. The same for every viewer: it is a
   * day-granularity fact of the whole kab/kota, so all roles talk about the same day.
   */
  completeThrough: string | null;
  /** Default as-of: the latest complete day (the window's first day before any), inside the window plus grace. */
  defaultAsOf: string;
  /**
   * Changes with every write to the kab/kota's data: the campaign row's version (bumped by
   * every write transaction) and the version of the kota's rollup row (rewritten by every write
   * of reports and every rollup rebuild). Cached bodies are valid only for the stamp they were
   * built under.
   */
  stamp: string;
  /**
   * What each kelurahan's reporting marks are kept under (lib/queries/reporting-marks.ts): a
   * write moves only its own kelurahan's stamp, so the complete day and an area's reporting are
   * re-read for that kelurahan alone.
   */
  marks: MarksContext;
  /**
   * Kelurahan code → the other kelurahan where PPL holding its sub-SLS also hold sub-SLS. An SLS
   * is judged against its PPL's plan, which counts the PPL's work everywhere, so what shows an
   * SLS depends on those kelurahan too (lib/api/body-cache.ts areaStamp).
   */
  reach: Readonly<Record<string, readonly string[]>>;
}

interface CampaignRow {
  kode_kota: string;
  name: string;
  start_date: string;
  end_date: string;
  grace_days: number;
  timezone: string;
  latest: string | null;
  complete_threshold: number;
  stamp: string;
  /** JSON: kelurahan code → `xmin:version` of its kelurahan_version row. */
  kelurahan: string;
  /** `xmin:version` of the kab/kota's own kelurahan_version row: moved by every change of assignments. */
  assignments: string | null;
}

/**
 * The campaign of the scope's kab/kota; null when none is loaded. Read once per change of that
 * kab/kota's data on the app server's handle (lib/db/data-feed.ts: the triggers' notifications
 * name the kab/kota, and this process's own writes move it), so a request whose bodies are cached
 * asks the database nothing, whatever other kab/kota are being written.
 */
export function getCampaign(db: Db, scope: Scope): Promise<Campaign | null> {
  return remembered.get(db, scope.kodeKota, () => readCampaign(db, scope.kodeKota));
}

const remembered = new FeedMemory<Campaign | null>();

async function readCampaign(db: Db, kodeKota: string): Promise<Campaign | null> {
  const [row] = await queryRows<CampaignRow>(
    db,
    sql`select c.kode_kota, c.name, c.start_date::text as start_date, c.end_date::text as end_date, c.grace_days, c.timezone, c.complete_threshold,
      (select max(r.tanggal)::text from report r where r.kode_kota = c.kode_kota) as latest,
      c.xmin::text || ':' || c.data_version::text || ':' || coalesce((select s.xmin::text
        from area_series s where s.code = c.kode_kota and s.kode_kota = c.kode_kota), '') as stamp,
      (select coalesce(json_object_agg(a.code, coalesce(v.xmin::text || ':' || v.version::text, '-')), '{}')::text
        from area a left join kelurahan_version v on v.kode_kota = a.kode_kota and v.code = a.code
        where a.kode_kota = c.kode_kota and a.level = 'kelurahan') as kelurahan,
      (select v.xmin::text || ':' || v.version::text from kelurahan_version v where v.kode_kota = c.kode_kota and v.code = c.kode_kota) as assignments
    from campaign c where c.kode_kota = ${kodeKota}`,
  );
  if (!row) return null;
  const lastReportDate = addDays(row.end_date, row.grace_days);
  const marks: MarksContext = { kodeKota: row.kode_kota, startDate: row.start_date, lastDate: lastReportDate, kelurahan: JSON.parse(row.kelurahan) as Record<string, string> };
  const [completeThrough, reach] = await Promise.all([latestComplete(db, row, lastReportDate, marks), reachOf(db, row)]);
  return {
    kodeKota: row.kode_kota,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
    graceDays: row.grace_days,
    timezone: row.timezone,
    lastReportDate,
    latestReport: row.latest,
    completeThreshold: row.complete_threshold,
    completeThrough,
    defaultAsOf: clampDate(completeThrough ?? row.start_date, row.start_date, lastReportDate),
    stamp: row.stamp,
    marks,
    reach,
  };
}

/** Which kelurahan share a PPL (Campaign.reach), read again only when assignments change. */
function reachOf(db: Db, row: CampaignRow): Promise<Record<string, string[]>> {
  return memoByStamp(db, 'visible', `reach|${row.kode_kota}`, row.assignments ?? row.stamp, async () => {
    const rows = await queryRows<{ k: string; others: string[] }>(
      db,
      sql`select k, array_agg(other order by other) as others from (
          select distinct left(a.kode_subsls, 10) as k, left(b.kode_subsls, 10) as other
          from assignment a join assignment b on b.kode_kota = a.kode_kota and b.kode_petugas = a.kode_petugas
          where a.kode_kota = ${row.kode_kota} and left(b.kode_subsls, 10) <> left(a.kode_subsls, 10)
        ) x group by k`,
    );
    return Object.fromEntries(rows.map((r) => [r.k, r.others]));
  });
}

/** How many recent days the latest-complete-day search reads first. */
const RECENT_DAYS = 7;

/** The kab/kota's latest complete day, computed once per data stamp (every write changes the stamp). */
function latestComplete(db: Db, row: CampaignRow, lastReportDate: string, marks: MarksContext): Promise<string | null> {
  const range = completenessRange(row.start_date, row.latest, lastReportDate);
  if (range === null) return Promise.resolve(null);
  const key = `complete|${row.kode_kota}|${range.from}|${range.to}|${row.complete_threshold}`;
  const scope: Scope = { kind: 'area', kodeKota: row.kode_kota, areaCode: row.kode_kota };
  const daysOf = (from: string) => listDayReporting(db, scope, { areaCode: row.kode_kota, from, to: range.to, marks });
  return memoByStamp(db, 'visible', key, row.stamp, async () => {
    // The answer is the latest date reaching the threshold, so the last day is asked first (on
    // a morning after a full day of fieldwork it is the answer), then the last week (where it
    // nearly always lies); only when none there reaches it is the whole window read. Same
    // result as reading the window at once, at a day's cost after most writes.
    const [last] = await daysOf(range.to);
    if (last && reachesThreshold(last, row.complete_threshold)) return range.to;
    const recentFrom = addDays(range.to, -(RECENT_DAYS - 1));
    if (recentFrom > range.from) {
      const recent = latestCompleteDay(await daysOf(recentFrom), row.complete_threshold, null);
      if (recent !== null) return recent;
    }
    return latestCompleteDay(await daysOf(range.from), row.complete_threshold, range.to);
  });
}
