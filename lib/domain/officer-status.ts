// An officer's status: the area statuses of metrics.ts, plus two that only people have —
// belum lapor (silent for a while) and belum mulai (never reported).
import { diffDays } from './dates';
import { STATUS_COLORS } from './status-colors';
import type { CampaignWindow, Status } from './types';

export const OFFICER_STATUSES = ['selesai', 'sesuai_jadwal', 'berisiko', 'tertinggal', 'belum_lapor', 'belum_mulai'] as const;
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

/** Most urgent first: the order a "sort by status" shows. */
export const OFFICER_STATUS_RANK: Record<OfficerStatus, number> = {
  belum_mulai: 0,
  belum_lapor: 1,
  tertinggal: 2,
  berisiko: 3,
  sesuai_jadwal: 4,
  selesai: 5,
};

/** The area colours for the shared statuses; Okabe–Ito purple and grey for the two officer-only ones. */
export const OFFICER_STATUS_COLORS: Record<OfficerStatus, string> = {
  ...STATUS_COLORS,
  belum_lapor: '#cc79a7',
  belum_mulai: '#7f7f7f',
};
