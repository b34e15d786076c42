// Which dates a read covers: the as-of date a request resolves to, the start of the series a read
// carries, and the range a latest-complete-day search looks at. Pure: no I/O.
import { addDays, clampDate } from './dates';
import { BAND_DAYS, forecastDay } from './pace';
import type { CampaignWindow } from './types';

/** A campaign window with, when known, the latest complete day (the forecast runs from it). */
export type PlanWindow = CampaignWindow & { completeThrough?: string | null };

/** An as-of date the user asked for, or the default, always inside the campaign's dates. */
export function resolveAsOf(campaign: { startDate: string; lastReportDate: string; defaultAsOf: string }, requested?: string | null): string {
  return requested ? clampDate(requested, campaign.startDate, campaign.lastReportDate) : campaign.defaultAsOf;
}

/**
 * The first date of the series a read carries: 15 days before the forecast day (the latest
 * complete day, or asOf), for pace7, the forecast band and a stall; the series runs on to asOf.
 */
export function seriesStart(window: PlanWindow, asOf: string): string {
  return addDays(forecastDay(window, asOf, window.completeThrough), -(BAND_DAYS + 1));
}

/** The dates a latest-complete-day search must look at: the window's first day up to the latest report. */
export function completenessRange(startDate: string, latestReport: string | null, lastReportDate: string): { from: string; to: string } | null {
  if (latestReport === null || latestReport < startDate) return null;
  return { from: startDate, to: latestReport < lastReportDate ? latestReport : lastReportDate };
}
