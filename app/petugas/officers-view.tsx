'use client';

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { OfficersFilters, type FilterOptions } from '@/components/officers/officers-filters';
import { OfficerCards } from '@/components/officers/officer-cards';
import { OfficersTable } from '@/components/officers/officers-table';
import type { OfficersQuery } from '@/lib/api/officers-schemas';
import { officersSearchParams, parseOfficersQuery } from '@/lib/client/officers';
import { officerListQuery } from '@/lib/client/queries';
import type { OfficerSortKey } from '@/lib/domain/officer-sort';
import type { CampaignWindow } from '@/lib/domain/types';
import { formatNumber } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';

/** Columns whose most useful first view is the largest values (the worst or the busiest first). */
const DESC_FIRST = new Set<OfficerSortKey>(['subsls', 'prelist', 'selesai', 'progres', 'pace7', 'requiredPace', 'projectedFinish', 'lastReport', 'daysSilent', 'tingkatPenolakan', 'flags']);
const PAGE_SIZES = [25, 50, 100, 200];

/**
 * The officer list. Its state lives in the URL; changes go through history.pushState (which the
 * App Router syncs into useSearchParams) so only the API is asked, never the page again.
 */
export function OfficersView({ options, asOf, window: campaignWindow }: { options: FilterOptions; asOf: string; window: CampaignWindow }) {
  const t = useTranslations('officers');
  const ta = useTranslations('attention');
  const locale = toLocale(useLocale());
  const searchParams = useSearchParams();
  const query = useMemo(() => parseOfficersQuery(Object.fromEntries(searchParams)), [searchParams]);
  const { data, error, isFetching } = useQuery({ ...officerListQuery(query), placeholderData: keepPreviousData });

  const navigate = useCallback(
    (patch: Partial<OfficersQuery>, keepPage = false) => {
      const next = { ...query, ...patch, ...(keepPage ? {} : { page: 1 }) };
      window.history.pushState(null, '', `?${officersSearchParams(next)}`);
    },
    [query],
  );
  const onSort = (key: OfficerSortKey) =>
    navigate({ sort: key, dir: query.sort === key ? (query.dir === 'asc' ? 'desc' : 'asc') : DESC_FIRST.has(key) ? 'desc' : 'asc' });

  const pageCount = data?.pageCount ?? 1;
  return (
    <section className="space-y-3">
      <OfficersFilters query={query} options={options} counts={data?.counts} onChange={navigate} />
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 text-sm">
          <span data-testid="officers-total">{data ? t('total', { count: formatNumber(data.total, locale) }) : t('loading')}</span>
          {query.sort === 'urgency' ? (
            <span className="text-xs text-slate-600" data-testid="officers-worst-first">{ta('sortedWorstFirst')}</span>
          ) : (
            <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs" onClick={() => navigate({ sort: 'urgency', dir: 'asc' })}>
              {ta('sortWorstFirst')}
            </button>
          )}
          {isFetching ? <span className="text-xs text-slate-500">{t('loading')}</span> : null}
        </div>
        {error ? (
          <p className="p-3 text-sm text-red-700">{t('error', { message: error.message })}</p>
        ) : data && data.rows.length === 0 ? (
          <p className="p-3 text-sm text-slate-500">{t('empty')}</p>
        ) : data ? (
          <>
            {/* A phone gets cards (worst first, four facts each); wider screens the sortable table. */}
            <div className="sm:hidden">
              <OfficerCards rows={data.rows} asOf={data.asOf ?? asOf} busy={isFetching} window={campaignWindow} />
            </div>
            <div className="hidden sm:block">
              <OfficersTable rows={data.rows} sort={query.sort} dir={query.dir} onSort={onSort} asOf={data.asOf ?? asOf} busy={isFetching} window={campaignWindow} />
            </div>
          </>
        ) : null}
        <nav className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-3 py-2 text-sm" aria-label={t('page', { page: query.page, pages: pageCount })}>
          <div className="flex items-center gap-2">
            <button type="button" className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40" disabled={query.page <= 1} onClick={() => navigate({ page: query.page - 1 }, true)}>
              {t('prev')}
            </button>
            <span data-testid="officers-page">{t('page', { page: formatNumber(query.page, locale), pages: formatNumber(pageCount, locale) })}</span>
            <button type="button" className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40" disabled={query.page >= pageCount} onClick={() => navigate({ page: query.page + 1 }, true)}>
              {t('next')}
            </button>
          </div>
          <label className="flex items-center gap-2 text-xs text-slate-600">
            {t('pageSize')}
            <select value={query.pageSize} onChange={(e) => navigate({ pageSize: Number(e.target.value) })} className="rounded border border-slate-300 bg-white px-1 py-1 text-sm">
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </div>
    </section>
  );
}
