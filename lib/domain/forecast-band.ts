// The progress chart's lines: plan, target and the forecast band continued to the last day.
import { dateRange } from './dates';
import { expectedProgres } from './metrics';
import { BAND_DAYS, pace7, percentile, recentPaces, type ClosedSeries } from './pace';
import type { CampaignWindow } from './types';

export interface BandPaces {
  /** pace7: the middle line, the same pace the projected finish uses. */
  expected: number;
  /** 10th percentile of the last 14 daily paces (never above pace7, never below 0). */
  low: number;
  /** 90th percentile of the last 14 daily paces (never below pace7). */
  high: number;
}

/**
 * The paces that span the forecast. Widened to include pace7 exactly as the projected finish
 * range is (lib/domain/pace.ts), so the band's edges cross the universe on projectedFinishHigh
 * and projectedFinishLow. A forecast never goes down: negative paces (corrections) count as 0.
 */
export function bandPaces(series: ClosedSeries, window: CampaignWindow, asOf: string): BandPaces {
  const p7 = Math.max(0, pace7(series, window, asOf));
  const recent = recentPaces(series, window, asOf, BAND_DAYS);
  return {
    expected: p7,
    low: Math.max(0, Math.min(percentile(recent, 0.1), p7)),
    high: Math.max(percentile(recent, 0.9), p7),
  };
}

export interface BandPoint {
  tanggal: string;
  expected: number;
  low: number;
  high: number;
}

/** Closed families continued at the band paces from asOf (day 0) to the window's last day, capped at the universe. */
export function forecastBand(series: ClosedSeries, window: CampaignWindow, asOf: string, universe: number): BandPoint[] {
  const closed = series.get(asOf) ?? 0;
  const paces = bandPaces(series, window, asOf);
  const cap = Math.max(universe, closed);
  // The day the universe is reached comes from finishDate's own arithmetic; before it the line stays
  // strictly below, since closed + pace·k can round up onto the universe a day early.
  const below = cap - Number.EPSILON * cap;
  const at = (pace: number, k: number) => {
    const reach = closed >= cap ? 0 : pace > 0 ? Math.ceil((cap - closed) / pace) : Infinity;
    return k >= reach ? cap : Math.min(closed + pace * k, below);
  };
  return dateRange(asOf, window.endDate).map((tanggal, k) => ({
    tanggal,
    expected: at(paces.expected, k),
    low: at(paces.low, k),
    high: at(paces.high, k),
  }));
}

export interface ProgressPoint {
  tanggal: string;
  /** Closed families (selesai + tidak ditemukan) as of the date; absent after asOf. */
  closed?: number;
  /** Plan line in families: expected progres on the date × the universe as of asOf. */
  plan: number;
  /** The universe as of asOf (prelist + keluarga baru): what 100 % means. */
  target: number;
  /** Forecast from asOf on: the pace7 line and the band between the low and high paces. */
  expected?: number;
  band?: [number, number];
}

/** Every date of the window (and up to asOf when it lies in the grace days) for the progress chart. */
export function progressSeries(
  closedByDate: ClosedSeries,
  window: CampaignWindow,
  asOf: string,
  universe: number,
): ProgressPoint[] {
  const last = asOf > window.endDate ? asOf : window.endDate;
  const band = new Map(forecastBand(closedByDate, window, asOf, universe).map((p) => [p.tanggal, p]));
  return dateRange(window.startDate, last).map((tanggal) => {
    const f = band.get(tanggal);
    return {
      tanggal,
      ...(tanggal <= asOf ? { closed: closedByDate.get(tanggal) ?? 0 } : {}),
      plan: expectedProgres(window, tanggal) * universe,
      target: universe,
      ...(f ? { expected: f.expected, band: [f.low, f.high] as [number, number] } : {}),
    };
  });
}
