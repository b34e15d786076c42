'use client';

import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DailyRowBody } from '@/lib/api/area-schemas';
import { SERIES_COLORS } from '@/lib/domain/chart-colors';
import { progressSeries } from '@/lib/domain/forecast-band';
import type { CampaignWindow } from '@/lib/domain/types';
import { useFormat } from '../use-dashboard-text';
import { AXIS_TICK, GRID_STROKE, LEGEND_STYLE, legendOrder, legendText, MARGIN, TOOLTIP_STYLE, tooltipDate } from './chart-style';

const LEGEND_ORDER = ['closed', 'partial', 'plan', 'target', 'expected', 'band'];
const LEGEND_SORT = legendOrder(LEGEND_ORDER);

export interface ProgressChartText {
  actual: string;
  plan: string;
  target: string;
  forecast: string;
  band: string;
  /** The days after the latest complete day (drawn faded). */
  partial: string;
}

/** Cumulative closed families against the plan line and the target, with the forecast band to the last day. */
export default function ProgressChart({
  days,
  window,
  asOf,
  universe,
  completeThrough,
  text,
}: {
  days: DailyRowBody[];
  window: CampaignWindow;
  asOf: string;
  universe: number;
  /** The latest complete day: the forecast starts there, and later (partial) days are drawn apart. */
  completeThrough: string | null;
  text: ProgressChartText;
}) {
  const f = useFormat();
  const from = completeThrough !== null && completeThrough < asOf ? completeThrough : asOf;
  const data = useMemo(() => {
    const closed = new Map(days.map((d) => [d.tanggal, d.closed]));
    // The partial days keep their counts on a separate, faded line that starts where the solid one stops.
    return progressSeries(closed, window, from, universe).map((p) =>
      from < asOf && p.tanggal >= from && p.tanggal <= asOf ? { ...p, partial: closed.get(p.tanggal) ?? 0 } : p,
    );
  }, [days, window, from, asOf, universe]);
  // Stable callbacks: Recharts keeps chart settings in a store and re-dispatches them when a prop changes.
  const [value, label] = useMemo(
    () => [(v: unknown) => (Array.isArray(v) ? `${f.n(v[0])} – ${f.n(v[1])}` : f.n(typeof v === 'number' ? Math.round(v) : null)), tooltipDate(f.date)],
    [f],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="tanggal" tickFormatter={f.day} tick={AXIS_TICK} minTickGap={28} />
        <YAxis tickFormatter={f.compact} tick={AXIS_TICK} width={52} domain={[0, 'auto']} />
        <Tooltip formatter={value} labelFormatter={label} contentStyle={TOOLTIP_STYLE} />
        <Legend wrapperStyle={LEGEND_STYLE} formatter={legendText} itemSorter={LEGEND_SORT} />
        <Area dataKey="band" name={text.band} fill={SERIES_COLORS.band} fillOpacity={0.3} stroke="none" isAnimationActive={false} />
        <Line dataKey="target" name={text.target} stroke={SERIES_COLORS.target} strokeWidth={1.5} dot={false} isAnimationActive={false} />
        <Line dataKey="plan" name={text.plan} stroke={SERIES_COLORS.plan} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        <Line dataKey="expected" name={text.forecast} stroke={SERIES_COLORS.forecast} strokeWidth={2} strokeDasharray="3 3" dot={false} isAnimationActive={false} />
        <Line dataKey="closed" name={text.actual} stroke={SERIES_COLORS.actual} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        {from < asOf ? <ReferenceArea x1={from} x2={asOf} fill="#94a3b8" fillOpacity={0.15} ifOverflow="extendDomain" /> : null}
        {from < asOf ? (
          <Line dataKey="partial" name={text.partial} stroke={SERIES_COLORS.actual} strokeOpacity={0.45} strokeWidth={2.5} strokeDasharray="2 3" dot={false} isAnimationActive={false} />
        ) : null}
        <ReferenceLine x={asOf} stroke="#334155" strokeDasharray="2 3" />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
