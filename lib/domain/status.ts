// The status of an area (and of an officer's holdings) with the reason it has it (DESIGN.md,
// Metrics). One judgement for every level; only what it is judged against differs: kelurahan
// and above against their own forecast, SLS and sub-SLS against their PPL's plan.
import { addDays, diffDays } from './dates';
import { statusOf } from './metrics';
import type { ClosedSeries } from './pace';
import type { CampaignWindow, Status, StatusReason } from './types';

/** Closed not grown for this many complete days: macet. */
export const MACET_DAYS = 3;

/** The numbers a status sentence quotes ("Tidak bertambah 5 hari", "Laju 12/hari, perlu 20/hari"). */
export interface StatusDetail {
  /** Complete days since closed last grew (or since the first report, when nothing is closed). */
  stalledDays: number;
  /** The pace judged: the area's pace7, or its PPL's for SLS and sub-SLS. */
  pace: number;
  /** The pace needed for what is left by the last day; null when no day is left. */
  requiredPace: number | null;
}

export interface StatusJudgement {
  status: Status;
  statusReason: StatusReason;
  statusDetail: StatusDetail;
}

/**
 * Days up to `asOf` (a complete day) on which closed did not grow, counted back from asOf to
 * the last growth; at most `lookback` (the series a read carries) and never before the window.
 */
export function stalledDays(series: ClosedSeries, window: Pick<CampaignWindow, 'startDate'>, asOf: string, lookback: number): number {
  const limit = Math.min(lookback, Math.max(0, diffDays(asOf, window.startDate) + 1));
  let days = 0;
  for (let d = asOf; days < limit; d = addDays(d, -1)) {
    if ((series.get(d) ?? 0) > (series.get(addDays(d, -1)) ?? 0)) break;
    days++;
  }
  return days;
}

export interface StatusInput {
  /** U − closed of the area itself. */
  remaining: number;
  closed: number;
  /** Complete days since the area's first report (0 = reported first on asOf); null when it has none. */
  daysSinceFirstReport: number | null;
  stalledDays: number;
  /** The schedule judged: the area's own forecast, or its PPL's plan (plan = 'ppl'). */
  projectedFinish: string | null;
  pace: number;
  requiredPace: number | null;
  plan: 'area' | 'ppl';
  window: CampaignWindow;
}

/**
 * selesai when nothing is left; belum mulai when nothing is closed and nobody reported; macet
 * when closed has not grown for MACET_DAYS complete days; otherwise the schedule: finish by the
 * last day sesuai jadwal, within 3 days after berisiko, later (or never) tertinggal.
 */
export function judgeStatus(i: StatusInput): StatusJudgement {
  const stalled = i.daysSinceFirstReport === null ? i.stalledDays : Math.min(i.stalledDays, i.daysSinceFirstReport);
  const statusDetail: StatusDetail = { stalledDays: stalled, pace: i.pace, requiredPace: i.requiredPace };
  const out = (status: Status, statusReason: StatusReason): StatusJudgement => ({ status, statusReason, statusDetail });
  if (i.remaining <= 0) return out('selesai', 'semua_tertutup');
  if (i.closed <= 0 && i.daysSinceFirstReport === null) return out('belum_mulai', 'belum_ada_laporan');
  if (stalled >= MACET_DAYS) return out('macet', 'tidak_bertambah');
  const status = statusOf(i.remaining, i.projectedFinish, i.window);
  if (!(i.pace > 0)) return out(status, 'tanpa_laju');
  const onPlan = status === 'sesuai_jadwal';
  if (i.plan === 'ppl') return out(status, onPlan ? 'rencana_ppl_cukup' : 'rencana_ppl_kurang');
  return out(status, onPlan ? 'laju_cukup' : 'laju_kurang');
}

/** Most urgent first, for sorting by status: stalled, then late, then not started, … finished last. */
export const STATUS_RANK: Record<Status, number> = {
  macet: 0,
  tertinggal: 1,
  berisiko: 2,
  belum_mulai: 3,
  sesuai_jadwal: 4,
  selesai: 5,
};
