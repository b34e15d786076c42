// The forecast continued from the as-of date to the end of the window: the central path at
// pace7 and a band at the 10th and 90th percentile of recent daily paces (capped at the universe).
import { addDays, dateRange } from './dates';
import { BAND_DAYS, percentile, recentPaces, type ClosedSeries } from './pace';
import type { CampaignWindow } from './types';

export interface ForecastPoint {
  tanggal: string;
  expected: number;
  low: number;
  high: number;
}

/** One point per day after asOf through the window's last day. */
export function forecastPath(
  series: ClosedSeries,
  window: CampaignWindow,
  asOf: string,
  closed: number,
  universe: number,
  pace7: number,
): ForecastPoint[] {
  if (asOf >= window.endDate) return [];
  const paces = recentPaces(series, window, asOf, BAND_DAYS);
  const slow = Math.max(0, percentile(paces, 0.1));
  const fast = Math.max(0, percentile(paces, 0.9));
  const cap = (v: number) => Math.min(universe, v);
  return dateRange(addDays(asOf, 1), window.endDate).map((tanggal, i) => ({
    tanggal,
    expected: cap(closed + Math.max(0, pace7) * (i + 1)),
    low: cap(closed + slow * (i + 1)),
    high: cap(closed + fast * (i + 1)),
  }));
}
