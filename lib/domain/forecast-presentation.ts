// What a projected finish means to a reader (DESIGN.md, Metrics). The API keeps its dates; pages,
// PDF, XLSX and CSV show this instead, so a date months after the window never reads as a plan.
import { addDays, diffDays } from './dates';
import type { CampaignWindow, Status } from './types';

/** Fewer complete days of pace than this: the forecast is "belum cukup data". */
export const MIN_PACE_DAYS = 3;

export type ForecastPresentation =
  /** A finish inside the window plus grace (or the day a finished area finished). */
  | { kind: 'date'; date: string }
  /** Beyond the window plus grace: "melewati <last day> (±N hari)", N days after the last day. */
  | { kind: 'beyond'; lastDay: string; daysOver: number }
  /** Fewer than MIN_PACE_DAYS complete days behind the pace. */
  | { kind: 'insufficient' }
  /** No pace at all: no finish in sight. */
  | { kind: 'none' };

export function presentForecast(
  f: { projectedFinish: string | null; paceDays: number; status: Status },
  window: CampaignWindow,
): ForecastPresentation {
  if (f.status === 'selesai' && f.projectedFinish) return { kind: 'date', date: f.projectedFinish };
  if (f.paceDays < MIN_PACE_DAYS) return { kind: 'insufficient' };
  if (f.projectedFinish === null) return { kind: 'none' };
  if (f.projectedFinish > addDays(window.endDate, window.graceDays)) {
    return { kind: 'beyond', lastDay: window.endDate, daysOver: diffDays(f.projectedFinish, window.endDate) };
  }
  return { kind: 'date', date: f.projectedFinish };
}
