import { ATTENTION_RANK } from './attention';

/** The columns an officer list can be sorted by (the list's contract with pages and the API). */
export const OFFICER_SORT_KEYS = [
  /** Worst first: the default order of /petugas (officerUrgency). */
  'urgency',
  'code',
  'name',
  'role',
  'supervisor',
  'subsls',
  'prelist',
  'selesai',
  'progres',
  'pace7',
  'requiredPace',
  'projectedFinish',
  'lastReport',
  'daysSilent',
  'tingkatPenolakan',
  'flags',
  'status',
] as const;
export type OfficerSortKey = (typeof OFFICER_SORT_KEYS)[number];

/**
 * Officer statuses in worst-first order: the attention statuses (macet, tertinggal, silent 2+
 * days) lead, then never started, at risk, on schedule and done. An unknown status sits with
 * belum mulai rather than disappearing at the end.
 */
const WORST_FIRST: Readonly<Record<string, number>> = {
  ...ATTENTION_RANK,
  belum_mulai: 10,
  berisiko: 11,
  sesuai_jadwal: 12,
  selesai: 13,
};

/**
 * The worst-first key of an officer (smaller = call sooner): status (macet, tertinggal, …), then
 * more flags, then more days without a report. One number so the list's sorter and the API's
 * `sort=urgency` share it.
 */
export function officerUrgency(o: { status: string; flags: readonly unknown[]; daysSilent: number }): number {
  const rank = WORST_FIRST[o.status] ?? WORST_FIRST.belum_mulai;
  return rank * 100_000 + (99 - Math.min(o.flags.length, 99)) * 1_000 + (999 - Math.min(Math.max(o.daysSilent, 0), 999));
}
