'use client';

import { useMemo } from 'react';
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DailyRowBody } from '@/lib/api/area-schemas';
import { SERIES_COLORS } from '@/lib/domain/chart-colors';
import { useFormat } from '../use-dashboard-text';
import { AXIS_TICK, GRID_STROKE, LEGEND_STYLE, legendOrder, legendText, MARGIN, TOOLTIP_STYLE, tooltipDate } from './chart-style';

const LEGEND_ORDER = ['pace', 'pace7', 'requiredPace'];
const LEGEND_SORT = legendOrder(LEGEND_ORDER);

/** Daily pace bars with the 7-day mean, against the pace that was required on each date. */
export default function PaceChart({
  days,
  completeThrough,
  text,
}: {
  days: DailyRowBody[];
  /** Days after the latest complete day are partial: their bars are drawn faded. */
  completeThrough: string | null;
  text: { pace: string; pace7: string; required: string };
}) {
  const f = useFormat();
  const [value, label] = useMemo(() => [(v: unknown) => f.pace(typeof v === 'number' ? v : null), tooltipDate(f.date)], [f]);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={days} margin={MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="tanggal" tickFormatter={f.day} tick={AXIS_TICK} minTickGap={28} />
        <YAxis tickFormatter={f.compact} tick={AXIS_TICK} width={52} />
        <Tooltip formatter={value} labelFormatter={label} contentStyle={TOOLTIP_STYLE} />
        <Legend wrapperStyle={LEGEND_STYLE} formatter={legendText} itemSorter={LEGEND_SORT} />
        <Bar dataKey="pace" name={text.pace} fill={SERIES_COLORS.pace} isAnimationActive={false}>
          {days.map((d) => (
            <Cell key={d.tanggal} fillOpacity={completeThrough === null || d.tanggal > completeThrough ? 0.35 : 1} />
          ))}
        </Bar>
        <Line dataKey="pace7" name={text.pace7} stroke={SERIES_COLORS.pace7} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        <Line dataKey="requiredPace" name={text.required} stroke={SERIES_COLORS.required} strokeWidth={1.5} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
