// An officer's status: the one status enum of lib/domain/types.ts (belum mulai and macet mean
// the same for a person as for an area), plus one that only people have: belum lapor (silent).
import { diffDays } from './dates';
import { STATUS_COLORS } from './status-colors';
import { STATUSES, type CampaignWindow, type Status, type StatusReason } from './types';

export const OFFICER_STATUSES = [...STATUSES, 'belum_lapor'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

/** No report on the as-of date nor on the day before: the officer is "belum lapor". */
export const SILENT_AFTER_DAYS = 2;

/**
 * Days without a report up to asOf: 0 when the officer reported on asOf. Never reported: the
 * days of fieldwork so far (asOf included), so the count keeps growing like any silence.
 */
export function daysSilent(lastReport: string | null, asOf: string, window: Pick<CampaignWindow, 'startDate'>): number {
  if (lastReport === null) return Math.max(0, diffDays(asOf, window.startDate) + 1);
  return Math.max(0, diffDays(asOf, lastReport));
}

/**
 * Selesai wins (a finished officer has nothing left to report); then never reported; then
 * silent for `silentAfter` days or more; otherwise the forecast status of their assignment.
 */
export function officerStatus(input: {
  forecastStatus: Status;
  lastReport: string | null;
  asOf: string;
  window: Pick<CampaignWindow, 'startDate'>;
  silentAfter?: number;
}): OfficerStatus {
  if (input.forecastStatus === 'selesai') return 'selesai';
  if (input.lastReport === null) return 'belum_mulai';
  if (daysSilent(input.lastReport, input.asOf, input.window) >= (input.silentAfter ?? SILENT_AFTER_DAYS)) return 'belum_lapor';
  return input.forecastStatus;
}

/** The reason of an officer's status: silence and no report yet are theirs; otherwise their holdings' reason. */
export function officerStatusReason(status: OfficerStatus, forecastReason: StatusReason): StatusReason {
  if (status === 'belum_lapor') return 'tidak_lapor';
  if (status === 'belum_mulai') return 'belum_ada_laporan';
  return forecastReason;
}

/** Most urgent first: the order a "sort by status" shows. */
export const OFFICER_STATUS_RANK: Record<OfficerStatus, number> = {
  macet: 0,
  belum_mulai: 1,
  belum_lapor: 2,
  tertinggal: 3,
  berisiko: 4,
  sesuai_jadwal: 5,
  selesai: 6,
};

/** The area colours for the shared statuses; Okabe–Ito purple for the officer-only one. */
export const OFFICER_STATUS_COLORS: Record<OfficerStatus, string> = {
  ...STATUS_COLORS,
  belum_lapor: '#cc79a7',
};
