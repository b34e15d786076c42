// Who to call first (the "Perlu perhatian" block and /petugas's default order): the areas and
// officers most behind. One ranking, used by the area page, the officer list and their tests.
import { diffDays } from './dates';

/**
 * Statuses that call for attention, most urgent first. Anything not listed is on track (or done)
 * and never enters the block. A new urgent status is one line here.
 */
export const ATTENTION_RANK: Readonly<Record<string, number>> = {
  macet: 0,
  tertinggal: 1,
  // An officer silent for 2+ days: behind and unreachable through reports.
  belum_lapor: 2,
};

/** Days the projected finish lies after the last day; no forecast (zero pace) is the latest of all. */
export function daysLate(projectedFinish: string | null, endDate: string): number {
  return projectedFinish === null ? Number.POSITIVE_INFINITY : diffDays(projectedFinish, endDate);
}

export interface Rankable {
  code: string;
  status: string;
  projectedFinish: string | null;
}

/** Compares by urgency: status rank, then days late (later first), then code. */
export function compareUrgency(endDate: string): (a: Rankable, b: Rankable) => number {
  const rank = (s: string) => ATTENTION_RANK[s] ?? Number.POSITIVE_INFINITY;
  return (a, b) => {
    const r = rank(a.status) - rank(b.status);
    if (r !== 0 && !Number.isNaN(r)) return r;
    const la = daysLate(a.projectedFinish, endDate);
    const lb = daysLate(b.projectedFinish, endDate);
    if (la !== lb) return la === Number.POSITIVE_INFINITY ? -1 : lb === Number.POSITIVE_INFINITY ? 1 : lb - la;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  };
}

/** The `limit` items most behind, most urgent first; items on track are left out. */
export function mostBehind<T extends Rankable>(items: readonly T[], endDate: string, limit: number): T[] {
  return items.filter((i) => i.status in ATTENTION_RANK).sort(compareUrgency(endDate)).slice(0, limit);
}
