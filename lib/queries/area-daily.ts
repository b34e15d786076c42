import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { addDays } from '@/lib/domain/dates';
import { closedOf, countMetrics, daysLeft, expectedProgres, requiredPace, type AreaCounts, type CountMetrics } from '@/lib/domain/metrics';
import { PACE7_DAYS, dailyPace, pace7 } from '@/lib/domain/pace';
import type { Scope } from '@/lib/domain/scope';
import type { CampaignWindow } from '@/lib/domain/types';
import type { DayRow } from './areas';
import { areaVisible } from '@/lib/db/scope-sql';

/** One date of an area: its as-of counts, their ratios, the day's pace, pace7, the pace then required and the plan line. */
export type DailyRow = { tanggal: string } & AreaCounts &
  CountMetrics & {
    /** closed(D) − closed(D−1) */
    pace: number;
    pace7: number;
    /** (U − closed) / days left after D; null from the last day on. */
    requiredPace: number | null;
    expectedProgres: number;
  };

const countsOf = (r: DayRow): AreaCounts => ({
  prelist: r.prelist,
  keluargaBaru: r.keluarga_baru,
  selesai: r.selesai,
  menolak: r.menolak,
  tidakDitemui: r.tidak_ditemui,
  tidakDitemukan: r.tidak_ditemukan,
});

/** One row per date from `from` to `to` of an area visible in the scope; null when it is not. */
export async function listAreaDaily(
  db: Db,
  scope: Scope,
  params: { code: string; from: string; to: string; window: CampaignWindow },
): Promise<DailyRow[] | null> {
  const { code, from, to, window } = params;
  // One round trip: the area's row (none when it is not visible) joined to its days; pace7 of `from` needs the 7 days before it.
  const rows = await queryRows<{ code: string } & { [K in keyof DayRow]: DayRow[K] | null }>(
    db,
    sql`select a.code, d.tanggal::text as tanggal, d.prelist, d.keluarga_baru, d.selesai, d.menolak, d.tidak_ditemui, d.tidak_ditemukan
    from area a left join area_day d on d.kode_kota = a.kode_kota and d.code = a.code
      and d.tanggal between ${addDays(from, -PACE7_DAYS)}::date and ${to}::date
    where a.kode_kota = ${scope.kodeKota} and a.code = ${code} and ${areaVisible(scope, sql`a.code`)}
    order by d.tanggal`,
  );
  if (rows.length === 0) return null;
  const days = rows.filter((r): r is DayRow => r.tanggal !== null);
  const series = new Map(days.map((r) => [r.tanggal, closedOf(countsOf(r))]));
  return days
    .filter((r) => r.tanggal >= from)
    .map((r) => {
      const counts = countsOf(r);
      const metrics = countMetrics(counts);
      return {
        tanggal: r.tanggal,
        ...counts,
        ...metrics,
        pace: dailyPace(series, r.tanggal),
        pace7: pace7(series, window, r.tanggal),
        requiredPace: requiredPace(metrics.universe - metrics.closed, daysLeft(window, r.tanggal)),
        expectedProgres: expectedProgres(window, r.tanggal),
      };
    });
}
