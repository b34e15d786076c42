'use client';

import type { ColumnDef, RowData } from '@tanstack/react-table';
import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import type { ChildArea } from '@/lib/api/area-schemas';
import type { OfficerSortKey } from '@/lib/domain/officer-sort';
import { STATUS_RANK } from '@/lib/domain/status';
import type { Status } from '@/lib/domain/types';
import type { useFormat, useMetricText, MetricKey } from './use-dashboard-text';
import type { useStatusText } from './use-status-text';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The name column stays in view while the table scrolls sideways. */
    sticky?: boolean;
    numeric?: boolean;
    /** Renders the column's figure for any area: a child row or the parent's totals row. */
    show?: (r: ChildArea, f: ReturnType<typeof useFormat>) => React.ReactNode;
    /** The metric whose definition the header offers. */
    metric?: MetricKey;
    /** Officers table: the server-side sort keys of the column. */
    sortKeys?: OfficerSortKey[];
    /** A hint under the header. */
    hint?: string;
    /** Shown under the header, so cells carry bare numbers. */
    unit?: string;
  }
}

type Format = ReturnType<typeof useFormat>;
type Text = ReturnType<typeof useMetricText>;
type StatusText = ReturnType<typeof useStatusText>;
export type Row = ChildArea;

/** Sorting nulls last whichever way: an area without a ratio or a finish date is not "smallest". */
const nullsLast = <T,>(get: (r: Row) => T | null) => ({
  sortUndefined: 'last' as const,
  accessorFn: (r: Row) => get(r) ?? undefined,
});

interface ColumnSpec {
  metric: MetricKey;
  value: (r: Row) => number | string | null;
  show: (r: Row, f: Format) => React.ReactNode;
}

function specs(f: Format, statusLabel: (s: Status) => string, st: StatusText): ColumnSpec[] {
  const num = (metric: MetricKey, get: (r: Row) => number) => ({ metric, value: get, show: (r: Row) => f.n(get(r)) });
  const pct = (metric: MetricKey, get: (r: Row) => number | null) => ({ metric, value: get, show: (r: Row) => f.pct(get(r)) });
  return [
    {
      metric: 'status',
      value: (r) => STATUS_RANK[r.status],
      show: (r) => <StatusBadge status={r.status} label={statusLabel(r.status)} reason={st.reason(r)} showReason />,
    },
    pct('progres', (r) => r.progres),
    num('prelist', (r) => r.prelist),
    num('keluargaBaru', (r) => r.keluargaBaru),
    num('universe', (r) => r.universe),
    num('selesai', (r) => r.selesai),
    num('tidakDitemukan', (r) => r.tidakDitemukan),
    num('closed', (r) => r.closed),
    num('menolak', (r) => r.menolak),
    num('tidakDitemui', (r) => r.tidakDitemui),
    num('belumDikunjungi', (r) => r.belumDikunjungi),
    pct('cakupanSasaranAwal', (r) => r.cakupanSasaranAwal),
    pct('tingkatPenolakan', (r) => r.tingkatPenolakan),
    pct('nonrespons', (r) => r.nonrespons),
    { metric: 'pace', value: (r) => r.pace, show: (r) => f.pace(r.pace) },
    { metric: 'pace7', value: (r) => r.pace7, show: (r) => f.pace(r.pace7) },
    { metric: 'requiredPace', value: (r) => r.requiredPace, show: (r) => f.pace(r.requiredPace) },
    { metric: 'projectedFinish', value: (r) => r.projectedFinish, show: (r) => st.forecast(r) },
    {
      metric: 'projectedRange',
      value: (r) => r.projectedFinishHigh ?? (r.projectedFinishLow ? '9999-12-31' : null),
      show: (r) => (r.projectedFinishLow ? `${f.day(r.projectedFinishLow)} – ${r.projectedFinishHigh ? f.day(r.projectedFinishHigh) : '?'}` : '–'),
    },
    num('daysLeft', (r) => r.daysLeft),
  ];
}

/** Every metric as a sortable column; the name column links to the area (drill-down). */
export function childColumns(opts: {
  f: Format;
  text: Text;
  nameLabel: string;
  officersLabel: string | null;
  statusLabel: (s: Status) => string;
  statusText: StatusText;
  hrefOf: (code: string) => string;
}): ColumnDef<Row>[] {
  const { f, text, hrefOf } = opts;
  const name: ColumnDef<Row> = {
    id: 'name',
    accessorFn: (r) => r.name,
    header: opts.nameLabel,
    meta: { sticky: true },
    cell: ({ row }) => (
      <Link href={hrefOf(row.original.code)} className="font-medium text-brand hover:underline" onClick={(e) => e.stopPropagation()}>
        {row.original.name}
        <span className="block text-[11px] font-normal text-slate-500 tabular-nums">{row.original.code}</span>
      </Link>
    ),
  };
  const officers: ColumnDef<Row>[] = opts.officersLabel
    ? [
        {
          id: 'officers',
          header: opts.officersLabel,
          accessorFn: (r) => r.officers?.map((o) => o.name).join(', ') ?? '',
          cell: ({ row }) => <span className="block min-w-36 whitespace-normal text-xs">{row.original.officers?.map((o) => o.name).join(', ') || '–'}</span>,
        },
      ]
    : [];
  const metrics = specs(f, opts.statusLabel, opts.statusText).map<ColumnDef<Row>>((s) => ({
    id: s.metric,
    ...nullsLast(s.value),
    sortingFn: 'basic',
    header: text.label(s.metric),
    cell: ({ row }) => s.show(row.original, f),
    filterFn: s.metric === 'status' ? (row, _id, value: Status | null) => !value || row.original.status === value : undefined,
    meta: { numeric: s.metric !== 'status', show: s.show, metric: s.metric },
  }));
  // Status and progres first: on a phone they are what shows beside the sticky name.
  return [name, ...metrics.slice(0, 2), ...officers, ...metrics.slice(2)];
}

