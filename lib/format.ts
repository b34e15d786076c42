// Numbers and dates as people read them: id-ID by default (240.000; 15 Okt 2022).
import type { Locale } from './i18n/config';

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'id-ID');

// Building an Intl formatter costs tens of microseconds and leaves garbage; a built one is
// immutable. The officers table alone formats thousands of figures and dates per build (its flags
// are worded in both languages), so each locale and option set gets one, kept for the process:
// a handful in all (two locales, a few digit counts, the campaigns' time zones).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${locale}|${key}`;
  let f = numberFormats.get(k);
  if (!f) numberFormats.set(k, (f = new Intl.NumberFormat(tag(locale), options)));
  return f;
}

function dateFormat(locale: Locale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${locale}|${key}`;
  let f = dateFormats.get(k);
  if (!f) dateFormats.set(k, (f = new Intl.DateTimeFormat(tag(locale), options)));
  return f;
}

export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat(locale, `n${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/**
 * A pace (families a day: pace, pace7, required pace): one decimal when small (an SLS closes a
 * few families a day), whole numbers otherwise — rounded, the same on every page, card and text.
 */
export function formatPace(value: number | null | undefined, locale: Locale): string {
  return formatNumber(value, locale, value !== null && value !== undefined && Math.abs(value) < 10 ? 1 : 0);
}

/** A fraction 0..1 as a percentage. */
export function formatPercent(value: number | null | undefined, locale: Locale, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat(locale, `p${digits}`, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** An ISO date (YYYY-MM-DD) as "15 Okt 2022" / "15 Oct 2022". */
export function formatDate(value: string | null | undefined, locale: Locale, withYear = true): string {
  if (!value) return '–';
  return dateFormat(locale, withYear ? 'dmy' : 'dm', { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' })
    .format(new Date(`${value}T00:00:00Z`))
    .replace(/\./g, '');
}

/** Indonesia's zones by their everyday names; any other zone shows its IANA name. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
};

/** The zone as people say it: "WITA" for Asia/Makassar. */
export function zoneName(timeZone: string): string {
  return ZONE_NAMES[timeZone] ?? timeZone;
}

/**
 * A timestamp (ISO string or epoch ms) as local date and time in the campaign's zone:
 * "2 Nov 2022, 08.30" / "2 Nov 2022, 08:30"; with `showZone`, " WITA" follows wherever the reader
 * could take it for their own clock or UTC.
 */
export function formatDateTime(value: string | number | Date | null | undefined, locale: Locale, timeZone: string, showZone = false): string {
  if (value === null || value === undefined || value === '') return '–';
  const text = dateFormat(locale, `dmyhm|${timeZone}`, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone })
    .format(new Date(value))
    .replace(/(\d) (\w+)\. /, '$1 $2 ');
  return showZone ? `${text} ${zoneName(timeZone)}` : text;
}

/** Hours and minutes in the campaign's zone: "08.30 WITA". */
export function formatClock(value: string | number | Date, locale: Locale, timeZone: string, showZone = true): string {
  const text = dateFormat(locale, `hm|${timeZone}`, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(value));
  return showZone ? `${text} ${zoneName(timeZone)}` : text;
}

/** A large number shortened for chart axes: "240 rb" / "240K". */
export function formatCompact(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat(locale, 'c1', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
