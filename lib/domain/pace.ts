// Daily pace, pace7, projected finish and its range (DESIGN.md, Metrics).
import { addDays, diffDays } from './dates';
import { countMetrics, daysLeft, expectedProgres, requiredPace, type AreaCounts, type CountMetrics } from './metrics';
import { judgeStatus, stalledDays, type StatusDetail } from './status';
import type { CampaignWindow, Status, StatusReason } from './types';

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
  statusReason: StatusReason;
  statusDetail: StatusDetail;
  /** Complete days behind pace7 (at most 7): a forecast from fewer than 3 is "belum cukup data". */
  paceDays: number;
  daysLeft: number;
  expectedProgres: number;
}

/** What a PPL has left over the days left: the plan SLS and sub-SLS are judged against. */
export interface PplPlan {
  projectedFinish: string | null;
  pace: number;
  requiredPace: number | null;
}

export interface ForecastOptions {
  /**
   * The latest complete day (DESIGN.md, complete days). Pace, forecast and status never use a
   * later, partial day: from an asOf after it they are those of this day. Absent: asOf is complete.
   */
  completeThrough?: string | null;
  /**
   * Days from the area's first report to the forecast day; null when it has none yet. Absent:
   * unknown, so only "nothing closed" can say belum mulai.
   */
  daysSinceFirstReport?: number | null;
  /** SLS and sub-SLS: judged against their PPL's plan instead of their own forecast. */
  plan?: PplPlan | null;
  /** How many days back a stall may be counted: as far as the series reaches (default 16). */
  stallLookback?: number;
}

/** The day pace, forecast and status are computed on: asOf, or the latest complete day before it. */
export function forecastDay(window: CampaignWindow, asOf: string, completeThrough?: string | null): string {
  if (completeThrough === undefined || completeThrough === null) return completeThrough === null ? addDays(window.startDate, -1) : asOf;
  return completeThrough < asOf ? completeThrough : asOf;
}

/**
 * Pace, forecast and status of an area from its closed series (must cover day−15 … asOf), where
 * day is the forecast day (forecastDay): what was left then, at the paces of complete days.
 */
export function forecast(series: ClosedSeries, window: CampaignWindow, asOf: string, remainingNow: number, options: ForecastOptions = {}): Forecast {
  const day = forecastDay(window, asOf, options.completeThrough);
  // Families closed on the partial days after `day` are still to do as far as the forecast knows.
  const remaining = remainingNow + (series.get(asOf) ?? 0) - (series.get(day) ?? 0);
  const p7 = pace7(series, window, day);
  const band = recentPaces(series, window, day, BAND_DAYS);
  const projected = finishDate(day, remaining, p7);
  const low = finishDate(day, remaining, percentile(band, 0.9));
  const high = finishDate(day, remaining, percentile(band, 0.1));
  const required = requiredPace(remaining, daysLeft(window, day));
  const plan = options.plan;
  const judged = judgeStatus({
    remaining,
    closed: series.get(day) ?? 0,
    daysSinceFirstReport: options.daysSinceFirstReport === undefined ? ((series.get(day) ?? 0) > 0 ? Number.POSITIVE_INFINITY : null) : options.daysSinceFirstReport,
    stalledDays: stalledDays(series, window, day, options.stallLookback ?? BAND_DAYS + 1),
    projectedFinish: plan ? plan.projectedFinish : projected,
    pace: plan ? plan.pace : p7,
    requiredPace: plan ? plan.requiredPace : required,
    plan: plan ? 'ppl' : 'area',
    window,
  });
  return {
    pace: dailyPace(series, day),
    pace7: p7,
    requiredPace: required,
    projectedFinish: projected,
    projectedFinishLow: projected && low && low > projected ? projected : low,
    projectedFinishHigh: projected && high && high < projected ? projected : high,
    ...judged,
    paceDays: Math.max(0, Math.min(PACE7_DAYS, diffDays(day, window.startDate) + 1)),
    daysLeft: daysLeft(window, asOf),
    expectedProgres: expectedProgres(window, asOf),
  };
}

export type AreaMetricValues = AreaCounts & CountMetrics & Forecast;

/** Every metric of an area as of a date: counts, ratios, pace, forecast and status. */
export function areaMetrics(counts: AreaCounts, series: ClosedSeries, window: CampaignWindow, asOf: string, options: ForecastOptions = {}): AreaMetricValues {
  const cm = countMetrics(counts);
  return { ...counts, ...cm, ...forecast(series, window, asOf, cm.universe - cm.closed, options) };
}
