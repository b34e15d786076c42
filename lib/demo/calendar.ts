// Local-date arithmetic on 'YYYY-MM-DD' strings (no time zone involved) and WITA timestamps.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. Throws on a malformed or impossible date. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`invalid date "${date}" (expected YYYY-MM-DD)`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatDay(ms / DAY_MS) !== date) throw new Error(`invalid date "${date}"`);
  return ms / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The report dates simulated: from start to min(today, end + grace), as YYYY-MM-DD. */
export function reportDates(start: string, end: string, graceDays: number, today: string): string[] {
  const first = dayNumber(start);
  const last = Math.min(dayNumber(today), dayNumber(end) + graceDays);
  const out: string[] = [];
  for (let d = first; d <= last; d++) out.push(formatDay(d));
  return out;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO timestamp of a local date and a second of that day, in WITA (+08:00). */
export function witaTimestamp(date: string, secondOfDay: number): string {
  const s = Math.max(0, Math.min(86_399, Math.floor(secondOfDay)));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  return `${date}T${pad2(hh)}:${pad2(mm)}:${pad2(s % 60)}+08:00`;
}
