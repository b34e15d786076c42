'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import type { OfficerRowJson } from '@/lib/api/officers-schemas';
import type { OfficerSortKey } from '@/lib/domain/officer-sort';
import type { FlagId } from '@/lib/domain/officer-flags';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import type { CampaignWindow } from '@/lib/domain/types';
import { toLocale } from '@/lib/i18n/config';
import { useStatusText } from '../dashboard/use-status-text';
import { Sparkline } from '../sparkline';
import { FlagChips } from './flag-chips';
import { OfficerStatusBadge } from './officer-status-badge';

/** The column meta the officers table uses (declared with the dashboard's in children-columns.tsx). */
interface ColumnMeta {
  sortKeys?: OfficerSortKey[];
  numeric?: boolean;
  sticky?: boolean;
  hint?: string;
  unit?: string;
}

const col = createColumnHelper<OfficerRowJson>();

function useColumns(asOf: string, window: CampaignWindow): ColumnDef<OfficerRowJson, unknown>[] {
  const t = useTranslations('officers');
  const locale = toLocale(useLocale());
  const st = useStatusText(window);
  return useMemo(() => {
    const n = (v: number | null, d = 0) => formatNumber(v, locale, d);
    const flagLabels = Object.fromEntries(
      (['laju_tidak_wajar', 'penolakan_tinggi', 'hitungan_turun', 'subsls_bukan_tugasnya', 'lama_tidak_lapor'] as FlagId[]).map((f) => [f, t(`flags.${f}`)]),
    ) as Record<FlagId, string>;
    const num = (id: OfficerSortKey, header: string, value: (r: OfficerRowJson) => string, hint?: string, unit?: string) =>
      col.display({ id, header, cell: (c) => value(c.row.original), meta: { sortKeys: [id], numeric: true, hint, unit } satisfies ColumnMeta });
    const officer = col.display({
      id: 'officer',
      header: t('columns.officer'),
      meta: { sortKeys: ['name', 'code'], sticky: true } satisfies ColumnMeta,
      cell: (c) => (
        <div className="min-w-0">
          <Link href={`/petugas/${c.row.original.code}?asOf=${asOf}`} className="block truncate font-medium text-brand hover:underline" data-testid="officer-link">
            {c.row.original.name}
          </Link>
          <span className="font-mono text-xs text-slate-500" data-testid="officer-code">
            {c.row.original.code}
          </span>
        </div>
      ),
    });
    const date = (d: string | null) => (d === null ? '–' : formatDate(d, locale, d.slice(0, 4) !== asOf.slice(0, 4)));
    // The four facts to act on (status, flags, last report, PML) first, so 1280 px shows them
    // without scrolling sideways; the figures after; who-is-who last.
    return [
      officer,
      col.display({
        id: 'status',
        header: t('columns.status'),
        meta: { sortKeys: ['status'] } satisfies ColumnMeta,
        cell: (c) => <OfficerStatusBadge status={c.row.original.status} label={t(`status.${c.row.original.status}`)} reason={st.reason(c.row.original)} />,
      }),
      col.display({ id: 'flags', header: t('columns.flags'), meta: { sortKeys: ['flags'] } satisfies ColumnMeta, cell: (c) => <FlagChips flags={c.row.original.flags} labels={flagLabels} /> }),
      num('lastReport', t('columns.lastReport'), (r) => (r.lastReport ? date(r.lastReport) : t('never'))),
      col.display({
        id: 'supervisor',
        header: t('columns.pml'),
        meta: { sortKeys: ['supervisor'] } satisfies ColumnMeta,
        cell: (c) =>
          c.row.original.role === 'ppl' && c.row.original.supervisorCode ? (
            <span className="block min-w-[7rem]" data-testid="officer-pml" data-code={c.row.original.supervisorCode}>
              {c.row.original.supervisorName}
            </span>
          ) : (
            '–'
          ),
      }),
      num('progres', t('columns.progres'), (r) => formatPercent(r.progres, locale), t('hints.progres')),
      num('selesai', t('columns.selesai'), (r) => n(r.selesai)),
      num('prelist', t('columns.target'), (r) => n(r.prelist)),
      num('pace7', t('columns.pace7'), (r) => n(r.pace7, 1), t('hints.pace7'), t('perDayUnit')),
      num('requiredPace', t('columns.requiredPace'), (r) => n(r.requiredPace, 1), t('hints.requiredPace'), t('perDayUnit')),
      num('projectedFinish', t('columns.projectedFinish'), (r) => st.forecast({ ...r, status: r.forecastStatus }), t('hints.projectedFinish')),
      num('daysSilent', t('columns.daysSilent'), (r) => n(r.daysSilent), t('hints.daysSilent')),
      num('tingkatPenolakan', t('columns.tingkatPenolakan'), (r) => formatPercent(r.tingkatPenolakan, locale), t('hints.tingkatPenolakan')),
      col.display({
        id: 'sparkline',
        header: t('columns.sparkline'),
        meta: { hint: t('hints.sparkline') } satisfies ColumnMeta,
        cell: (c) => <Sparkline values={c.row.original.sparkline} label={c.row.original.sparkline.map((v) => n(v)).join(', ')} />,
      }),
      col.display({ id: 'role', header: t('columns.role'), meta: { sortKeys: ['role'] } satisfies ColumnMeta, cell: (c) => t(`roles.${c.row.original.role}`) }),
      num('subsls', t('columns.subsls'), (r) => n(r.subslsCount)),
    ] as ColumnDef<OfficerRowJson, unknown>[];
  }, [t, locale, asOf, st]);
}

function SortButton({ label, active, dir, onClick }: { label: string; active: boolean; dir: 'asc' | 'desc'; onClick: () => void }) {
  const t = useTranslations('officers');
  return (
    <button type="button" onClick={onClick} className="inline-flex items-end gap-0.5 text-left uppercase hover:text-slate-900" aria-label={t('sortBy', { column: label })}>
      {label}
      <span aria-hidden className={active ? 'text-slate-900' : 'text-slate-300'}>
        {active && dir === 'desc' ? '▼' : '▲'}
      </span>
    </button>
  );
}

/** The officer list: server-sorted and server-paged rows (react-table in manual mode), sticky name column. */
export function OfficersTable(props: {
  rows: OfficerRowJson[];
  sort: OfficerSortKey;
  dir: 'asc' | 'desc';
  onSort: (key: OfficerSortKey) => void;
  asOf: string;
  busy: boolean;
  window: CampaignWindow;
}) {
  const { rows, sort, dir, onSort, asOf, busy, window } = props;
  const t = useTranslations('officers');
  const columns = useColumns(asOf, window);
  // The React Compiler is not enabled; react-table's unmemoisable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.code,
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state: { sorting: [{ id: sort, desc: dir === 'desc' }] },
  });
  const sticky = 'sticky left-0 z-10 shadow-[1px_0_0_#e2e8f0] max-w-[9.5rem] sm:max-w-none';
  const sortLabel: Record<string, string> = { name: t('columns.name'), code: t('columns.code') };
  return (
    // relative: the flags' sr-only text is absolutely positioned and must be clipped by this scroller.
    <div className={`relative overflow-x-auto ${busy ? 'opacity-60' : ''}`} aria-busy={busy}>
      <table className="w-full text-sm" data-testid="officers-table">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = (header.column.columnDef.meta ?? {}) as ColumnMeta;
                const label = String(header.column.columnDef.header);
                const ariaSort = meta.sortKeys?.includes(sort) ? (dir === 'asc' ? 'ascending' : 'descending') : undefined;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    title={meta.hint}
                    aria-sort={ariaSort}
                    className={`px-1.5 py-2 align-bottom font-medium leading-tight ${meta.numeric ? 'min-w-[4.75rem] text-right' : ''} ${meta.sticky ? `${sticky} bg-slate-50` : ''}`}
                  >
                    {meta.sortKeys ? (
                      <span className={`inline-flex gap-2 ${meta.numeric ? 'justify-end' : ''}`}>
                        {meta.sortKeys.map((key) => (
                          <SortButton key={key} label={meta.sortKeys!.length > 1 ? sortLabel[key] : label} active={sort === key} dir={dir} onClick={() => onSort(key)} />
                        ))}
                      </span>
                    ) : (
                      <span className="uppercase">{label}</span>
                    )}
                    {meta.unit ? <span className="block font-normal normal-case text-slate-500">{meta.unit}</span> : null}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100" data-testid="officer-row" data-code={row.id}>
              {row.getVisibleCells().map((cell) => {
                const meta = (cell.column.columnDef.meta ?? {}) as ColumnMeta;
                return (
                  <td key={cell.id} className={`px-1.5 py-1.5 align-middle ${meta.numeric ? 'whitespace-nowrap text-right tabular-nums' : ''} ${meta.sticky ? `${sticky} bg-white` : ''}`} data-col={cell.column.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
