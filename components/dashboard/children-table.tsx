'use client';

import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { AreaResponse, ChildArea } from '@/lib/api/area-schemas';
import { STATUS_COLORS } from '@/lib/domain/status-colors';
import { STATUSES, type AreaLevel, type CampaignWindow, type Status } from '@/lib/domain/types';
import { childColumns } from './children-columns';
import { MetricInfo } from './metric-info';
import { useFormat, useMetricText } from './use-dashboard-text';
import { useStatusText } from './use-status-text';

const STICKY = 'sticky left-0 z-10 shadow-[1px_0_0_0_var(--color-slate-200)]';

/**
 * The child areas with every metric: sortable, filterable by status, a totals row that is the
 * parent area's own figures (from the API, never re-summed here), and a click to drill down.
 */
export function ChildrenTable({
  parent,
  rows,
  level,
  levels,
  onLevel,
  hrefOf,
  onOpen,
  window,
}: {
  parent: AreaResponse;
  rows: ChildArea[];
  level: AreaLevel;
  /** Levels the table can list (the children, or two levels down). */
  levels: AreaLevel[];
  onLevel: (level: AreaLevel) => void;
  hrefOf: (code: string) => string;
  onOpen: (code: string) => void;
  window: CampaignWindow;
}) {
  const t = useTranslations('dashboard.table');
  const tc = useTranslations('common');
  const f = useFormat();
  const text = useMetricText();
  const statusText = useStatusText(window);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [status, setStatus] = useState<Status | null>(null);
  const withOfficers = level === 'sls' || level === 'subsls';
  const columns = useMemo(
    () =>
      childColumns({
        f,
        text,
        nameLabel: tc(`levels.${level}`),
        officersLabel: withOfficers ? t('officers') : null,
        statusLabel: (s) => tc(`status.${s}`),
        statusText,
        hrefOf,
      }),
    [f, text, tc, t, level, withOfficers, hrefOf, statusText],
  );
  // A stable filter list: a new array each render would recompute the row model and reset state in a loop.
  const columnFilters = useMemo(() => [{ id: 'status', value: status }], [status]);
  // TanStack Table v8 hands back fresh functions on every render; nothing here is memoised on them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    autoResetPageIndex: false,
    getRowId: (r) => r.code,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const counts = useMemo(() => Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])), [rows]);
  const visible = table.getRowModel().rows;

  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="children">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 className="font-semibold">{t('title')}</h2>
        {levels.length > 1 ? (
          <div role="group" aria-label={t('show')} className="flex overflow-hidden rounded border border-slate-300 text-sm">
            {levels.map((l) => (
              <button
                key={l}
                type="button"
                aria-pressed={l === level}
                onClick={() => onLevel(l)}
                className={`px-3 py-1 ${l === level ? 'bg-slate-800 text-white' : 'bg-white hover:bg-slate-100'}`}
              >
                {tc(`levels.${l}`)}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="p-3 text-sm text-slate-500">{t('noChildren')}</p>
      ) : (
        <>
          <div role="group" aria-label={t('filter')} className="flex flex-wrap gap-1.5 px-3 py-2">
            <FilterChip active={status === null} onClick={() => setStatus(null)} label={`${t('all')} (${rows.length})`} />
            {STATUSES.filter((s) => counts[s] > 0 || s === status).map((s) => (
              <FilterChip key={s} active={status === s} color={STATUS_COLORS[s]} onClick={() => setStatus(status === s ? null : s)} label={`${tc(`status.${s}`)} (${counts[s]})`} />
            ))}
          </div>
          <p className="px-3 pb-1 text-xs text-slate-500 sm:hidden">{t('scrollHint')}</p>
          <div className="overflow-x-auto">
            <table className="w-full border-separate border-spacing-0 text-sm">
              <thead className="bg-slate-50 text-left text-xs text-slate-600">
                {table.getHeaderGroups().map((hg) => (
                  <tr key={hg.id}>
                    {hg.headers.map((h) => {
                      const sorted = h.column.getIsSorted();
                      const meta = h.column.columnDef.meta;
                      return (
                        <th
                          key={h.id}
                          scope="col"
                          aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                          className={`border-b border-slate-200 bg-slate-50 px-2 py-2 align-bottom font-medium ${meta?.numeric ? 'text-right' : ''} ${meta?.sticky ? STICKY : ''}`}
                        >
                          <div className={`flex items-end gap-1 ${meta?.numeric ? 'justify-end' : ''}`}>
                            <button type="button" onClick={h.column.getToggleSortingHandler()} className="text-left hover:text-slate-900">
                              {flexRender(h.column.columnDef.header, h.getContext())}
                              <span aria-hidden className="ml-0.5 text-slate-400">
                                {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                              </span>
                            </button>
                            {meta?.metric ? <MetricInfo metric={meta.metric} /> : null}
                          </div>
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {visible.map((row) => (
                  <tr key={row.id} className="cursor-pointer bg-white hover:bg-slate-50" onClick={() => onOpen(row.original.code)}>
                    {row.getVisibleCells().map((cell) => {
                      const meta = cell.column.columnDef.meta;
                      return (
                        <td
                          key={cell.id}
                          className={`border-b border-slate-100 px-2 py-1.5 ${meta?.numeric ? 'text-right tabular-nums' : ''} ${meta?.sticky ? `${STICKY} min-w-32 max-w-44 bg-inherit` : 'whitespace-nowrap'}`}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      );
                    })}
                  </tr>
                ))}
                {visible.length === 0 ? (
                  <tr>
                    <td colSpan={columns.length} className="px-3 py-3 text-slate-500">
                      {t('noMatch')}
                    </td>
                  </tr>
                ) : null}
              </tbody>
              <tfoot>
                <tr className="bg-slate-100 font-semibold" data-testid="totals">
                  {table.getVisibleLeafColumns().map((column) => {
                    const meta = column.columnDef.meta;
                    return (
                      <td
                        key={column.id}
                        className={`border-t-2 border-slate-300 px-2 py-2 ${meta?.numeric ? 'text-right tabular-nums' : ''} ${meta?.sticky ? `${STICKY} min-w-32 max-w-44 bg-inherit` : 'whitespace-nowrap'}`}
                      >
                        {column.id === 'name' ? t('total', { name: parent.name }) : meta?.show ? meta.show(parent, f) : null}
                      </td>
                    );
                  })}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function FilterChip({ active, color, label, onClick }: { active: boolean; color?: string; label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs ${active ? 'border-slate-800 bg-slate-800 text-white' : 'border-slate-300 bg-white hover:bg-slate-100'}`}
    >
      {color ? <span aria-hidden className="inline-block h-2 w-2 rounded-full ring-1 ring-white" style={{ background: color }} /> : null}
      {label}
    </button>
  );
}
