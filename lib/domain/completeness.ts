// Complete days (DESIGN.md, Metrics): which dates the dashboard may treat as finished. A day's
// figures only mean something once most PPL have sent that day's reports; until then one early
// report would drag pace, forecasts and statuses down for everyone.

/** The campaign setting's default: a day is complete once 80 % of the expected PPL reported. */
export const DEFAULT_COMPLETE_THRESHOLD = 0.8;

/** Reporting on one date: expected = PPL holding unfinished sub-SLS at the end of the day before; reported = those of them with a report dated that day. */
export interface DayReporting {
  tanggal: string;
  reported: number;
  expected: number;
}

export interface Reporting extends DayReporting {
  /** The date is on or before the kab/kota's latest complete day. */
  complete: boolean;
}

/** A day complete on its own: enough of the expected PPL reported. */
export function reachesThreshold(day: DayReporting, threshold: number): boolean {
  return day.expected > 0 && day.reported / day.expected >= threshold;
}

/**
 * The latest complete day: the latest date reaching the threshold. Every earlier date counts as
 * complete too (a quiet Sunday is complete once Monday is), and a later date is not complete until
 * it reaches the threshold itself, so one early report moves nothing. Null when no date has.
 * When no PPL is expected on any date (no assignments loaded) there is nothing to wait for:
 * `fallback` (the latest report date) is complete.
 */
export function latestCompleteDay(days: readonly DayReporting[], threshold: number, fallback: string | null = null): string | null {
  let latest: string | null = null;
  let anyExpected = false;
  for (const d of days) {
    if (d.expected > 0) anyExpected = true;
    if (reachesThreshold(d, threshold) && (latest === null || d.tanggal > latest)) latest = d.tanggal;
  }
  return anyExpected ? latest : fallback;
}

/** Reporting on a date with its completeness: complete when on or before the latest complete day. */
export function reportingOf(day: DayReporting, latestComplete: string | null): Reporting {
  return { ...day, complete: latestComplete !== null && day.tanggal <= latestComplete };
}
