// Refusals, not-met families and their follow-up (DESIGN.md, follow-ups): the one definition of
// konversiPenolakan and of the weekly change. Pure: the queries hand in carried-forward counts
// per sub-SLS (area_day, level subsls), these functions do the arithmetic.
import { addDays } from './dates';

/** Families met (selesai + menolak): the denominator of tingkat penolakan, for an area or an officer. */
export function refusalContacts(c: { selesai: number; menolak: number }): number {
  return c.selesai + c.menolak;
}

/** Days in the "this week" window of the refusal change. */
export const REFUSAL_WINDOW_DAYS = 7;

/**
 * The dates the weekly change compares: the window's last day and the day before its first.
 * `end` is the area's as-of date (the latest complete day by default, lib/queries/campaign.ts);
 * swapping what the window ends on is this one line.
 */
export function refusalWindow(asOf: string): { end: string; before: string } {
  return { end: asOf, before: addDays(asOf, -REFUSAL_WINDOW_DAYS) };
}

/** One sub-SLS on one date: its refusals then, and the most it ever had on or before that date. */
export interface RefusalPoint {
  /** menolak on the date (carried forward). */
  menolak: number;
  /** max(menolak) over every date ≤ the date: the refusals this sub-SLS has had at its peak. */
  peak: number;
}

/**
 * Converted refusals of one sub-SLS = peak menolak up to D − menolak at D: refusals that have
 * since left `menolak` (enumerated, so they moved to selesai, or reclassified). Measured per
 * sub-SLS so a refusal converted in one SLS never hides a new refusal in another.
 */
export function convertedRefusals(p: RefusalPoint): number {
  return Math.max(0, p.peak - p.menolak);
}

/** Sums of a group of sub-SLS on one date. */
export interface RefusalTotals {
  menolak: number;
  peak: number;
  converted: number;
}

export function sumRefusals(points: readonly RefusalPoint[]): RefusalTotals {
  let menolak = 0;
  let peak = 0;
  let converted = 0;
  for (const p of points) {
    menolak += p.menolak;
    peak += p.peak;
    converted += convertedRefusals(p);
  }
  return { menolak, peak, converted };
}

/**
 * konversiPenolakan = Σ converted ÷ Σ peak over the area's sub-SLS: the share of every refusal
 * the area has had that is no longer a refusal. Null when the area never had a refusal.
 */
export function konversiPenolakan(t: Pick<RefusalTotals, 'peak' | 'converted'>): number | null {
  return t.peak > 0 ? t.converted / t.peak : null;
}

/** Peak of a sub-SLS from its carried-forward menolak series (any order of dates). */
export function peakOf(series: readonly number[]): number {
  return series.reduce((a, b) => Math.max(a, b), 0);
}

/** An area's open refusals and not-met families on D and how they moved over the window. */
export interface RefusalChange {
  menolak: number;
  tidakDitemui: number;
  /** menolak(D) − menolak(D−7): negative when refusals went down. */
  menolakChange: number;
  tidakDitemuiChange: number;
  /** Refusals converted within the window: converted(D) − converted(D−7). */
  convertedThisWeek: number;
  peak: number;
  converted: number;
  konversiPenolakan: number | null;
}

/** The window's figures from the totals on its last day and on the day before it began. */
export function refusalChange(
  now: RefusalTotals & { tidakDitemui: number },
  before: RefusalTotals & { tidakDitemui: number },
): RefusalChange {
  return {
    menolak: now.menolak,
    tidakDitemui: now.tidakDitemui,
    menolakChange: now.menolak - before.menolak,
    tidakDitemuiChange: now.tidakDitemui - before.tidakDitemui,
    convertedThisWeek: now.converted - before.converted,
    peak: now.peak,
    converted: now.converted,
    konversiPenolakan: konversiPenolakan(now),
  };
}

/** Open cases a follow-up can address on an SLS: refusals plus not-met families. */
export function openCases(c: { menolak: number; tidakDitemui: number }): number {
  return c.menolak + c.tidakDitemui;
}
