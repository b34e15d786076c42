'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime, formatNumber } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import type { ImportList } from '@/lib/ingest/api-types';

/** Who imported what and when, with the counts; a row opens that import's result. */
export function ImportHistory({
  list,
  onSelect,
  onPage,
  timeZone,
}: {
  timeZone: string;
  list: ImportList | undefined;
  onSelect: (id: number) => void;
  onPage: (page: number) => void;
}) {
  const t = useTranslations('ingest.ui');
  const locale = toLocale(useLocale());
  const n = (v: number) => formatNumber(v, locale);
  if (!list) return null;
  if (list.items.length === 0) return <p className="p-3 text-sm text-slate-500">{t('noHistory')}</p>;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="import-history">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2">{t('when')}</th>
              <th className="px-3 py-2">{t('file')}</th>
              <th className="hidden px-3 py-2 sm:table-cell">{t('who')}</th>
              <th className="px-3 py-2 text-right">{t('accepted')}</th>
              <th className="hidden px-3 py-2 text-right sm:table-cell">{t('replaced')}</th>
              <th className="hidden px-3 py-2 text-right sm:table-cell">{t('unchanged')}</th>
              <th className="px-3 py-2 text-right">{t('rejected')}</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {list.items.map((job) => (
              <tr key={job.id} className="border-t border-slate-100">
                <td className="whitespace-nowrap px-3 py-2">{formatDateTime(job.createdAt, locale, timeZone, true)}</td>
                <td className="px-3 py-2">
                  <div className="max-w-48 truncate">{job.filename ?? t(`sources.${job.source}`)}</div>
                  <div className="text-xs text-slate-500">
                    {t(`sources.${job.source}`)} · {t(`status.${job.status}`)}
                    <span className="sm:hidden"> · {job.createdBy}</span>
                  </div>
                </td>
                <td className="hidden px-3 py-2 sm:table-cell">{job.createdBy}</td>
                <td className="px-3 py-2 text-right tabular-nums">{n(job.accepted)}</td>
                <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{n(job.replaced)}</td>
                <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{n(job.unchanged)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{n(job.rejected)}</td>
                <td className="px-3 py-2">
                  <button type="button" className="min-h-11 px-2 text-brand underline" onClick={() => onSelect(job.id)}>
                    {t('view')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <div className="flex items-center justify-between px-3 py-2 text-sm">
          <button type="button" className="min-h-11 px-2 disabled:opacity-40" disabled={list.page <= 1} onClick={() => onPage(list.page - 1)}>
            {t('previous')}
          </button>
          <span>{t('page', { page: list.page, pages })}</span>
          <button type="button" className="min-h-11 px-2 disabled:opacity-40" disabled={list.page >= pages} onClick={() => onPage(list.page + 1)}>
            {t('next')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
