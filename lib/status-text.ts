// The words of a status and of a forecast, in the request's language: the one place pages, the
// officer pages, the PDF, XLSX and CSV turn statusReason and a projected finish into a sentence.
import { presentForecast } from './domain/forecast-presentation';
import type { StatusDetail } from './domain/status';
import type { CampaignWindow, Status, StatusReason } from './domain/types';
import type { Locale } from './i18n/config';
import { formatDate, formatPace } from './format';

/** A translator of the `status` namespace (messages/<locale>/status.json). */
export type StatusT = (key: string, values?: Record<string, string | number>) => string;

/** "Belum ada laporan", "Tidak bertambah 5 hari", "Laju 12/hari, perlu 20/hari". */
export function statusReasonText(
  row: { statusReason: StatusReason; statusDetail?: StatusDetail | null; daysSilent?: number },
  t: StatusT,
  locale: Locale,
): string {
  const d = row.statusDetail;
  const pace = formatPace(d?.pace ?? 0, locale);
  const required = d?.requiredPace === null || d?.requiredPace === undefined ? null : formatPace(d.requiredPace, locale);
  const values = { days: d?.stalledDays ?? 0, silent: row.daysSilent ?? 0, pace, required: required ?? '–' };
  const key = required === null && (row.statusReason.startsWith('laju') || row.statusReason.startsWith('rencana')) ? `${row.statusReason}_habis` : row.statusReason;
  return t(`reason.${key}`, values);
}

/** A projected finish as a reader should take it: a date, "melewati 14 Nov (±N hari)", "belum cukup data" or "–". */
export function forecastText(
  f: { projectedFinish: string | null; paceDays: number; status: Status },
  window: CampaignWindow,
  t: StatusT,
  locale: Locale,
): string {
  const p = presentForecast(f, window);
  switch (p.kind) {
    case 'date':
      return formatDate(p.date, locale);
    case 'beyond':
      return t('forecast.beyond', { date: formatDate(p.lastDay, locale, false), days: p.daysOver });
    case 'insufficient':
      return t('forecast.insufficient');
    case 'none':
      return '–';
  }
}
