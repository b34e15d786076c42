import { useLocale, useTranslations } from 'next-intl';
import { formatDate, formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import type { ArchiveDay } from '@/lib/queries/archive';

/** The kept daily archive by day (newest open), each area with its PDF report and its card. */
export function ArchiveList({ days, timeZone }: { days: ArchiveDay[]; timeZone: string }) {
  const t = useTranslations('archive');
  const locale = toLocale(useLocale());
  if (days.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  return (
    <div className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="archive-list">
      {days.map((day, i) => {
        const date = formatDate(day.tanggal, locale);
        const areas = [...new Map(day.files.map((f) => [f.areaCode, f])).values()];
        return (
          <details key={day.tanggal} open={i === 0} className="px-3 py-2" data-testid="archive-day" data-date={day.tanggal}>
            <summary className="cursor-pointer text-sm font-medium">
              {t('day', { date })} <span className="font-normal text-slate-600">· {t('files', { count: areas.length })}</span>
              {day.finishedAt ? <span className="font-normal text-slate-600"> · {t('written', { at: formatDateTime(day.finishedAt, locale, timeZone) })}</span> : null}
            </summary>
            <ul className="mt-2 grid gap-1 sm:grid-cols-2">
              {areas.map((a) => (
                <li key={a.areaCode} className="flex items-center justify-between gap-2 text-sm">
                  <span className="min-w-0 truncate">{a.areaName}</span>
                  <span className="flex shrink-0 gap-2">
                    {day.files
                      .filter((f) => f.areaCode === a.areaCode)
                      .map((f) => (
                        <a
                          key={f.kind}
                          href={`/api/v1/archive/${day.tanggal}/${f.areaCode}.${f.kind}`}
                          aria-label={t(f.kind === 'pdf' ? 'pdfOf' : 'pngOf', { name: a.areaName, date })}
                          className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-brand hover:bg-slate-100"
                        >
                          {t(f.kind)}
                        </a>
                      ))}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
