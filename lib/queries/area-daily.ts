import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { addDays } from '@/lib/domain/dates';
import { closedOf, countMetrics, daysLeft, expectedProgres, requiredPace, type AreaCounts, type CountMetrics } from '@/lib/domain/metrics';
import { PACE7_DAYS, dailyPace, pace7 } from '@/lib/domain/pace';
import type { Scope } from '@/lib/domain/scope';
import type { CampaignWindow } from '@/lib/domain/types';
import { DAY_COLUMNS, getArea, type DayRow } from './areas';

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
  const [area, rows] = await Promise.all([
    getArea(db, scope, code),
    // pace7 of `from` needs the 7 days before it.
    queryRows<DayRow>(
      db,
      sql`select ${DAY_COLUMNS} from area_day d where d.kode_kota = ${scope.kodeKota} and d.code = ${code}
      and d.tanggal between ${addDays(from, -PACE7_DAYS)}::date and ${to}::date order by d.tanggal`,
    ),
  ]);
  if (!area) return null;
  const series = new Map(rows.map((r) => [r.tanggal, closedOf(countsOf(r))]));
  return rows
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
