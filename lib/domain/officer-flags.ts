// Flags on a PPL's reports: things a person should check, never verdicts. Each flag carries a
// sentence in both languages saying what was seen and against which threshold; the words are in
// messages/<locale>/officerflags.json, the figures are formatted here for each language.
import en from '@/messages/en/officerflags.json';
import id from '@/messages/id/officerflags.json';
import { addDays, diffDays } from './dates';
import { percentile, recentPaces, type ClosedSeries } from './pace';
import type { CampaignWindow } from './types';
import { formatDate, formatNumber, formatPercent } from '../format';
import type { Locale } from '../i18n/config';

export const FLAG_IDS = ['laju_tidak_wajar', 'penolakan_tinggi', 'hitungan_turun', 'subsls_bukan_tugasnya', 'lama_tidak_lapor'] as const;
export type FlagId = (typeof FLAG_IDS)[number];

export type Sentence = Record<Locale, string>;

export interface OfficerFlag {
  id: FlagId;
  /** Why the flag is raised, worded for a person to check. */
  message: Sentence;
}

export interface FlagThresholds {
  /** Families closed in one day that nobody plausibly reaches. */
  paceCap: number;
  /** A peak this many times the peers' median peak is implausible … */
  pacePeerFactor: number;
  /** … when it is also at least this many families a day (early medians are tiny). */
  pacePeerFloor: number;
  /** PPL with a peak needed in the kelurahan to compare with it; fewer: the kab/kota. */
  paceMinPeers: number;
  /** Refusal rate at least this many times the kelurahan's … */
  refusalFactor: number;
  /** … and at least this much above it (as a fraction) … */
  refusalMinGap: number;
  /** … out of at least this many families met (selesai + menolak). */
  refusalMinContacts: number;
  /** A cumulative count lower than the previous report's by at least this much. */
  decreaseMin: number;
  /** Reports on sub-SLS held by someone else. */
  foreignMin: number;
  /** Days without a report. */
  silenceDays: number;
}

export const DEFAULT_FLAG_THRESHOLDS: FlagThresholds = {
  paceCap: 50,
  pacePeerFactor: 4,
  pacePeerFloor: 30,
  paceMinPeers: 5,
  refusalFactor: 2,
  refusalMinGap: 0.05,
  refusalMinContacts: 30,
  decreaseMin: 1,
  foreignMin: 1,
  silenceDays: 3,
};

export interface PacePeak {
  pace: number;
  date: string;
}

/** A group of peers' peaks: its median, how many PPL and the area's name for the sentence. */
export interface PeerPace {
  median: number;
  count: number;
  areaName: string;
}

export type CountField = 'selesai' | 'tidakDitemukan' | 'keluargaBaru';

export interface CountDecrease {
  kodeSubsls: string;
  tanggal: string;
  previousTanggal: string;
  field: CountField;
  previous: number;
  current: number;
}

export interface ForeignReport {
  kodeSubsls: string;
  tanggal: string;
  /** The officer the sub-SLS is assigned to now (null: nobody). */
  assignedTo: string | null;
}

/** What the flags look at for one PPL as of a date; gathered by lib/queries. */
export interface OfficerFacts {
  peak: PacePeak | null;
  kelurahanPeers: PeerPace | null;
  cityPeers: PeerPace | null;
  refusal: { rate: number | null; menolak: number; contacts: number; areaRate: number | null; areaName: string } | null;
  decreases: readonly CountDecrease[];
  foreignReports: readonly ForeignReport[];
  lastReport: string | null;
  daysSilent: number;
  finished: boolean;
}

type Words = typeof id;
const WORDS: Record<Locale, Words> = { id, en };

/** A sentence in both languages: `make` picks the words of a language and fills in its figures. */
const both = (make: (w: Words, l: Locale) => string): Sentence => ({ id: make(WORDS.id, 'id'), en: make(WORDS.en, 'en') });
/** The `{name}` placeholders of a message, replaced by already formatted values. */
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
const num = (v: number, l: Locale, digits = 0) => formatNumber(v, l, digits);

/** The highest daily pace from the start of the window to asOf (null before any progress). */
export function peakDailyPace(series: ClosedSeries, window: CampaignWindow, asOf: string): PacePeak | null {
  const paces = recentPaces(series, window, asOf, diffDays(asOf, window.startDate) + 1);
  let best = -1;
  paces.forEach((p, i) => {
    if (p > 0 && (best < 0 || p > paces[best])) best = i;
  });
  return best < 0 ? null : { pace: paces[best], date: addDays(asOf, best - paces.length + 1) };
}

/** Median peak per group (kelurahan) and overall, over the PPL who made any progress. */
export function peerPaceMedians(peaks: readonly { group: string; peak: number | null }[]): { byGroup: Map<string, { median: number; count: number }>; all: { median: number; count: number } } {
  const groups = new Map<string, number[]>();
  const all: number[] = [];
  for (const { group, peak } of peaks) {
    if (peak === null || peak <= 0) continue;
    (groups.get(group) ?? groups.set(group, []).get(group)!).push(peak);
    all.push(peak);
  }
  const byGroup = new Map([...groups].map(([g, v]) => [g, { median: percentile(v, 0.5), count: v.length }]));
  return { byGroup, all: { median: percentile(all, 0.5), count: all.length } };
}

/** Implausible pace: the best day above the absolute cap, or far above the peers' median. */
export function implausiblePaceFlag(f: OfficerFacts, t: FlagThresholds): OfficerFlag | null {
  if (!f.peak) return null;
  const peers = f.kelurahanPeers && f.kelurahanPeers.count >= t.paceMinPeers ? f.kelurahanPeers : f.cityPeers;
  const overCap = f.peak.pace > t.paceCap;
  const factor = peers && peers.median > 0 ? f.peak.pace / peers.median : null;
  const overPeers = factor !== null && factor >= t.pacePeerFactor && f.peak.pace >= t.pacePeerFloor;
  if (!overCap && !overPeers) return null;
  const { pace, date } = f.peak;
  return {
    id: 'laju_tidak_wajar',
    message: both((w, l) => {
      const head = fill(w.pace.head, { pace: num(pace, l), date: formatDate(date, l) });
      const cap = fill(w.pace.cap, { cap: num(t.paceCap, l) });
      const peer = peers && factor !== null ? fill(w.pace.peers, { factor: num(factor, l, 1), area: peers.areaName, median: num(peers.median, l) }) : null;
      const why = [overCap ? cap : null, peer].filter(Boolean).join(w.pace.join);
      return fill(w.pace.sentence, { head, why });
    }),
  };
}

/** Refusal rate far above the kelurahan's, out of enough families met to mean something. */
export function highRefusalFlag(f: OfficerFacts, t: FlagThresholds): OfficerFlag | null {
  const r = f.refusal;
  if (!r || r.rate === null || r.areaRate === null || r.contacts < t.refusalMinContacts) return null;
  if (r.rate < r.areaRate * t.refusalFactor || r.rate - r.areaRate < t.refusalMinGap) return null;
  return {
    id: 'penolakan_tinggi',
    message: both((w, l) =>
      fill(w.refusal, {
        rate: formatPercent(r.rate, l),
        menolak: num(r.menolak, l),
        contacts: num(r.contacts, l),
        area: r.areaName,
        areaRate: formatPercent(r.areaRate, l),
      }),
    ),
  };
}

/** A cumulative count lower than the same sub-SLS's previous report. */
export function countDecreaseFlag(f: OfficerFacts, t: FlagThresholds): OfficerFlag | null {
  const drops = f.decreases.filter((d) => d.previous - d.current >= t.decreaseMin);
  if (drops.length === 0) return null;
  const d = drops[drops.length - 1];
  return {
    id: 'hitungan_turun',
    message: both((w, l) => {
      const what = fill(w.decrease.what, {
        date: formatDate(d.tanggal, l),
        subsls: d.kodeSubsls,
        field: w.decrease.fields[d.field],
        current: num(d.current, l),
        previousDate: formatDate(d.previousTanggal, l),
        previous: num(d.previous, l),
      });
      return fill(drops.length === 1 ? w.decrease.one : w.decrease.many, { count: num(drops.length, l), what });
    }),
  };
}

/** Reports this PPL made for sub-SLS assigned to someone else (or to nobody). */
export function foreignReportFlag(f: OfficerFacts, t: FlagThresholds): OfficerFlag | null {
  if (f.foreignReports.length < t.foreignMin || f.foreignReports.length === 0) return null;
  const r = f.foreignReports[f.foreignReports.length - 1];
  const n = f.foreignReports.length;
  return {
    id: 'subsls_bukan_tugasnya',
    message: both((w, l) =>
      fill(w.foreign.sentence, { count: num(n, l), subsls: r.kodeSubsls, date: formatDate(r.tanggal, l), holder: r.assignedTo ?? w.foreign.nobody }),
    ),
  };
}

/** No report for `silenceDays` days or more, unless the assignment is finished. */
export function longSilenceFlag(f: OfficerFacts, t: FlagThresholds): OfficerFlag | null {
  if (f.finished || f.daysSilent < t.silenceDays) return null;
  const last = f.lastReport;
  return {
    id: 'lama_tidak_lapor',
    message: both((w, l) =>
      last === null
        ? fill(w.silence.never, { days: num(f.daysSilent, l) })
        : fill(w.silence.since, { days: num(f.daysSilent, l), date: formatDate(last, l) }),
    ),
  };
}

const RULES = [implausiblePaceFlag, highRefusalFlag, countDecreaseFlag, foreignReportFlag, longSilenceFlag];

/** Every flag raised by the facts, in FLAG_IDS order. */
export function officerFlags(facts: OfficerFacts, thresholds: FlagThresholds = DEFAULT_FLAG_THRESHOLDS): OfficerFlag[] {
  return RULES.map((rule) => rule(facts, thresholds)).filter((f): f is OfficerFlag => f !== null);
}
