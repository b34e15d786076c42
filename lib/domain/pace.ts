// Daily pace, pace7, projected finish and its range (DESIGN.md, Metrics).
import { addDays, diffDays } from './dates';
import { countMetrics, daysLeft, expectedProgres, requiredPace, statusOf, type AreaCounts, type CountMetrics } from './metrics';
import type { CampaignWindow, Status } from './types';

/** How many recent daily paces form the forecast band. */
export const BAND_DAYS = 14;
export const PACE7_DAYS = 7;

/** Closed families by date; a date absent from the map counts 0 (before any report). */
export type ClosedSeries = ReadonlyMap<string, number>;

/** daily pace on D = closed(D) − closed(D−1). */
export function dailyPace(series: ClosedSeries, date: string): number {
  return (series.get(date) ?? 0) - (series.get(addDays(date, -1)) ?? 0);
}

/** The daily paces of the last `n` days up to asOf, oldest first, never before the window starts. */
export function recentPaces(series: ClosedSeries, window: CampaignWindow, asOf: string, n: number): number[] {
  const available = Math.max(0, Math.min(n, diffDays(asOf, window.startDate) + 1));
  // dailyPace of each day, walking the dates once (this runs for every area of every answer).
  const paces: number[] = [];
  let previous = series.get(addDays(asOf, -available)) ?? 0;
  for (let i = 1 - available; i <= 0; i++) {
    const closed = series.get(addDays(asOf, i)) ?? 0;
    paces.push(closed - previous);
    previous = closed;
  }
  return paces;
}

/** pace7 = mean of the last 7 daily paces (fewer in the first days of the window). */
export function pace7(series: ClosedSeries, window: CampaignWindow, asOf: string): number {
  const paces = recentPaces(series, window, asOf, PACE7_DAYS);
  return paces.length === 0 ? 0 : paces.reduce((a, b) => a + b, 0) / paces.length;
}

/** Linear-interpolated percentile (p in 0..1) of a list; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * A finish further out than this is no forecast at all. It also keeps float noise in a
 * percentile (−1 + 10 × 0.1 = 8.9e−16 families a day) from running the calendar out of range.
 */
export const MAX_FORECAST_DAYS = 3650;

/** The date on which `remaining` families are closed at `pace` per day; null if the pace is not positive or the date is out of sight. */
export function finishDate(asOf: string, remaining: number, pace: number): string | null {
  if (remaining <= 0) return asOf;
  if (!(pace > 0)) return null;
  const days = Math.ceil(remaining / pace);
  return days > MAX_FORECAST_DAYS ? null : addDays(asOf, days);
}

export interface Forecast {
  pace: number;
  pace7: number;
  requiredPace: number | null;
  projectedFinish: string | null;
  /** Finish at the 90th percentile of the last 14 daily paces (the optimistic end). */
  projectedFinishLow: string | null;
  /** Finish at the 10th percentile (the pessimistic end); null when that pace is 0. */
  projectedFinishHigh: string | null;
  status: Status;
  daysLeft: number;
  expectedProgres: number;
}

/** Pace, forecast and status of an area from its closed series (must cover asOf−14 … asOf). */
export function forecast(series: ClosedSeries, window: CampaignWindow, asOf: string, remaining: number): Forecast {
  const p7 = pace7(series, window, asOf);
  const band = recentPaces(series, window, asOf, BAND_DAYS);
  const projected = finishDate(asOf, remaining, p7);
  const low = finishDate(asOf, remaining, percentile(band, 0.9));
  const high = finishDate(asOf, remaining, percentile(band, 0.1));
  const left = daysLeft(window, asOf);
  return {
    pace: dailyPace(series, asOf),
    pace7: p7,
    requiredPace: requiredPace(remaining, left),
    projectedFinish: projected,
    projectedFinishLow: projected && low && low > projected ? projected : low,
    projectedFinishHigh: projected && high && high < projected ? projected : high,
    status: statusOf(remaining, projected, window),
    daysLeft: left,
    expectedProgres: expectedProgres(window, asOf),
  };
}

export type AreaMetricValues = AreaCounts & CountMetrics & Forecast;

/** Every metric of an area as of a date: counts, ratios, pace, forecast and status. */
export function areaMetrics(counts: AreaCounts, series: ClosedSeries, window: CampaignWindow, asOf: string): AreaMetricValues {
  const cm = countMetrics(counts);
  return { ...counts, ...cm, ...forecast(series, window, asOf, cm.universe - cm.closed) };
}
