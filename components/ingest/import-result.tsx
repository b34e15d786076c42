'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import type { PresentedRejection } from '@/lib/ingest/api-types';
import { RejectionsTable } from './rejections-table';

export interface ResultView {
  id: number;
  status: 'applied' | 'rejected' | 'failed' | 'running';
  filename: string | null;
  totalRows: number;
  accepted: number;
  replaced: number;
  unchanged: number;
  rejected: number;
  message: string | null;
  corrections: number;
}

/** The outcome of one import: counts, the file problem if any, and its rejected rows to fix. */
export function ImportResult({
  result,
  rejections,
  onMore,
  loadingMore,
}: {
  result: ResultView;
  rejections: PresentedRejection[];
  onMore?: () => void;
  loadingMore?: boolean;
}) {
  const t = useTranslations('ingest.ui');
  const locale = toLocale(useLocale());
  const n = (v: number) => formatNumber(v, locale);
  const counts = [
    ['accepted', result.accepted, 'text-emerald-700'],
    ['replaced', result.replaced, 'text-sky-700'],
    ['unchanged', result.unchanged, 'text-slate-700'],
    ['rejected', result.rejected, result.rejected ? 'text-red-700' : 'text-slate-700'],
  ] as const;
  const base = `/api/v1/imports/${result.id}/rejections`;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="import-result" aria-live="polite">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          {t('result', { id: result.id })}
          {result.filename ? <span className="ml-2 text-sm font-normal text-slate-500">{result.filename}</span> : null}
        </h2>
        <span className="text-sm text-slate-600" data-testid="import-status">
          {t(`status.${result.status}`)} · {t('total')} {n(result.totalRows)}
        </span>
      </div>
      {result.message ? (
        <p className="rounded bg-red-50 p-2 text-sm text-red-800" role="alert" data-testid="import-message">
          {result.message}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {counts.map(([key, value, colour]) => (
          <div key={key} className="rounded border border-slate-100 p-2">
            <dt className="text-xs uppercase tracking-wide text-slate-500">{t(key)}</dt>
            <dd className={`text-xl font-semibold tabular-nums ${colour}`} data-testid={`count-${key}`}>
              {n(value)}
            </dd>
          </div>
        ))}
      </dl>
      {result.corrections > 0 ? <p className="text-sm text-amber-800">{t('corrections', { count: result.corrections })}</p> : null}
      {result.rejected > 0 ? (
        <div className="space-y-2">
          <h3 className="font-medium">{t('rejectedRows')}</h3>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span>{t('download')}</span>
            <a className="text-brand underline" href={`${base}.csv?lang=${locale}`} download data-testid="download-rejections">
              {t('downloadCsv')}
            </a>
            <a className="text-brand underline" href={`${base}.csv?delimiter=semicolon&lang=${locale}`} download>
              {t('downloadCsvSemicolon')}
            </a>
            <a className="text-brand underline" href={`${base}.xlsx?lang=${locale}`} download>
              {t('downloadXlsx')}
            </a>
          </p>
          <p className="text-xs text-slate-500">{t('fixHint')}</p>
          <RejectionsTable rows={rejections} labels={{ line: t('line'), column: t('column'), value: t('value'), reason: t('reason') }} />
          <div className="flex items-center justify-between text-sm text-slate-600">
            <span>{t('showing', { shown: n(rejections.length), total: n(result.rejected) })}</span>
            {onMore && rejections.length < result.rejected ? (
              <button type="button" onClick={onMore} disabled={loadingMore} className="min-h-11 rounded border border-slate-300 px-3 hover:bg-slate-100">
                {t('more')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
