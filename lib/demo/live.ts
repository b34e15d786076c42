// Field behaviour going forward from the stored state, for the live simulator: each PPL keeps
// working through their sub-SLS at their own pace (the ideas of behaviour.ts and simulate.ts),
// starting from the counts the API reports rather than from day one.
import type { DailyReport, OutcomeCounts } from '../domain/types';
import { dayNumber, weekday } from './calendar';
import type { Rng } from './prng';

export interface LiveSubsls {
  kodeSubsls: string;
  kodePetugas: string;
  prelist: number;
  counts: OutcomeCounts;
  lastReport: string | null;
}

export interface LivePpl {
  code: string;
  subs: LiveSubsls[];
  speed: number;
  offProb: number;
  refusal: number;
  newFamilyRate: number;
  /** Stopped reporting before the simulation started: stays silent. */
  silent: boolean;
  /** Usual reporting time, seconds after midnight. */
  habit: number;
}

const SPEED_MEDIAN = 11.5;
const P_GONE = 0.015;
const P_AWAY = 0.13;
const P_AWAY_RESOLVED = 0.25;
const P_REFUSAL_CONVERTED = 0.04;
const SILENT_AFTER_DAYS = 3;

/** Groups the sub-SLS by PPL and draws each PPL's habits. */
export function planLive(items: readonly LiveSubsls[], from: string, rng: Rng): LivePpl[] {
  const byPpl = new Map<string, LiveSubsls[]>();
  for (const item of items) (byPpl.get(item.kodePetugas) ?? byPpl.set(item.kodePetugas, []).get(item.kodePetugas)!).push({ ...item, counts: { ...item.counts } });
  return [...byPpl.entries()].map(([code, subs]) => {
    const last = subs.reduce<string | null>((m, s) => (s.lastReport && (!m || s.lastReport > m) ? s.lastReport : m), null);
    return {
      code,
      subs: subs.sort((a, b) => a.kodeSubsls.localeCompare(b.kodeSubsls)),
      speed: rng.logNormal(SPEED_MEDIAN, 0.35),
      offProb: rng.uniform(0.02, 0.12),
      refusal: Math.min(0.08, 0.028 * rng.logNormal(1, 0.35)),
      newFamilyRate: rng.uniform(0.01, 0.03),
      silent: last !== null && dayNumber(from) - dayNumber(last) > SILENT_AFTER_DAYS + 1,
      habit: rng.uniform(17 * 3600, 21 * 3600),
    };
  });
}

const unvisited = (s: LiveSubsls) => s.prelist + s.counts.keluargaBaru - (s.counts.selesai + s.counts.menolak + s.counts.tidakDitemui + s.counts.tidakDitemukan);

function firstContact(c: OutcomeCounts, refusal: number, isNew: boolean, rng: Rng): void {
  const u = rng.float();
  const gone = isNew ? 0 : P_GONE;
  if (u < gone) c.tidakDitemukan++;
  else if (u < gone + refusal) c.menolak++;
  else if (u < gone + refusal + P_AWAY) c.tidakDitemui++;
  else c.selesai++;
}

function revisit(c: OutcomeCounts, rng: Rng): boolean {
  const met = rng.binomial(c.tidakDitemui, P_AWAY_RESOLVED);
  const converted = rng.binomial(c.menolak, P_REFUSAL_CONVERTED);
  c.tidakDitemui -= met;
  c.menolak -= converted;
  c.selesai += converted;
  for (let k = 0; k < met; k++) {
    const u = rng.float();
    if (u < 0.89) c.selesai++;
    else if (u < 0.93) c.menolak++;
    else c.tidakDitemukan++;
  }
  return met + converted > 0;
}

/**
 * One PPL's day: revisits, then first visits up to the day's capacity. Returns the cumulative
 * reports of the sub-SLS that changed and the second of the day they are sent, or null when
 * the PPL does not work (or report) that day.
 */
export function liveDay(ppl: LivePpl, date: string, rng: Rng): { second: number; reports: DailyReport[] } | null {
  const sunday = weekday(dayNumber(date)) === 0;
  if (ppl.silent || rng.chance(ppl.offProb + (sunday ? 0.35 : 0))) return null;
  let capacity = rng.roundStochastic(ppl.speed * (sunday ? 0.5 : 1) * rng.logNormal(1, 0.25));
  const changed = new Set<LiveSubsls>();
  for (const sub of ppl.subs) if (revisit(sub.counts, rng)) changed.add(sub);
  for (const sub of ppl.subs) {
    while (capacity > 0 && unvisited(sub) > 0) {
      firstContact(sub.counts, ppl.refusal, false, rng);
      if (rng.chance(ppl.newFamilyRate)) {
        sub.counts.keluargaBaru++;
        firstContact(sub.counts, ppl.refusal, true, rng);
      }
      capacity--;
      changed.add(sub);
    }
  }
  if (changed.size === 0) return null;
  const second = Math.round(Math.min(22 * 3600, Math.max(16 * 3600, ppl.habit + 2400 * rng.normal())));
  const reports = [...changed].map((s) => ({ tanggal: date, kodeSubsls: s.kodeSubsls, kodePetugas: ppl.code, ...s.counts }));
  for (const s of changed) s.lastReport = date;
  return { second, reports };
}
