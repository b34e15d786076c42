// The follow-up block of a kelurahan's (or SLS's) daily PDF report: "Tindak lanjut minggu ini:
// 12 kunjungan, 7 keluarga bersedia" and the visits of the same 7 days the refusal change covers.
import { addDays } from '@/lib/domain/dates';
import { REFUSAL_WINDOW_DAYS } from '@/lib/domain/refusals';
import type { AreaLevel } from '@/lib/domain/types';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { Data } from '@/lib/server/data';
import { followupT } from './followup-export';
import type { ExportTable } from './table';

/** The week's follow-up table for a kelurahan or SLS report; none for other levels. */
export async function followupWeekTables(data: Data, area: { code: string; level: AreaLevel; asOf: string }, locale: Locale): Promise<ExportTable[]> {
  if (area.level !== 'kelurahan' && area.level !== 'sls') return [];
  const log = await data.getFollowupLog({ code: area.code, from: addDays(area.asOf, -REFUSAL_WINDOW_DAYS + 1), to: area.asOf });
  if (!log) return [];
  const t = followupT(locale);
  const c = (k: string) => t(`columns.${k}`);
  return [
    {
      title: t('log.week', { visits: log.totals.visits, agreed: log.totals.agreed }),
      meta: [],
      name: t('log.title'),
      columns: [
        { key: 'tanggal', header: c('tanggal'), kind: 'text', width: 10 },
        { key: 'sls', header: c('sls'), kind: 'text', width: 8 },
        { key: 'parties', header: c('parties'), kind: 'text', width: 18 },
        { key: 'visited', header: c('visited'), kind: 'int', width: 7 },
        { key: 'agreed', header: c('agreed'), kind: 'int', width: 7 },
        { key: 'stillRefusing', header: c('stillRefusing'), kind: 'int', width: 8 },
        { key: 'note', header: c('note'), kind: 'text', width: 24 },
      ],
      rows: log.followups.map((f) => ({
        tanggal: formatDate(f.tanggal, locale),
        sls: f.kodeSls.slice(10),
        parties: f.parties.map((p) => t(`parties.${p}`)).join(', '),
        visited: f.visited,
        agreed: f.agreed,
        stillRefusing: f.stillRefusing,
        note: f.note ?? '',
      })),
    },
  ];
}
