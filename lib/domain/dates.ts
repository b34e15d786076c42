// Calendar arithmetic on ISO dates (YYYY-MM-DD) as local dates: no time zone can shift them.

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Metrics do date arithmetic thousands of times per request over a few dozen distinct dates, and
// Date is slow (Next.js even wraps its constructor): both directions are memoised. Bounded, since
// every key is a valid calendar date the cache cannot be flooded with garbage, only with many dates.
const CACHE_LIMIT = 20_000;
const msOf = new Map<string, number>();
const isoOf = new Map<number, string>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function toUtc(date: string): number {
  const hit = msOf.get(date);
  if (hit !== undefined) return hit;
  if (!ISO_DATE.test(date)) throw new RangeError(`not an ISO date: ${date}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || fromUtc(ms) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return remember(msOf, date, ms);
}

function fromUtc(ms: number): string {
  return isoOf.get(ms) ?? remember(isoOf, ms, new Date(ms).toISOString().slice(0, 10));
}

export function isIsoDate(value: string): boolean {
  try {
    toUtc(value);
    return true;
  } catch {
    return false;
  }
}

/** date + n days. */
export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function diffDays(to: string, from: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Every date from `from` to `to`, both included. */
export function dateRange(from: string, to: string): string[] {
  const n = diffDays(to, from);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(from, i));
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** Clamps a date into [from, to]. */
export function clampDate(date: string, from: string, to: string): string {
  return maxDate(from, minDate(date, to));
}

/** Today's local date in an IANA time zone (the campaign's, e.g. Asia/Makassar). */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
