'use client';

import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DailyRowBody } from '@/lib/api/area-schemas';
import { OUTCOME_COLORS, OUTCOME_KEYS } from '@/lib/domain/chart-colors';
import { useFormat } from '../use-dashboard-text';
import { AXIS_TICK, GRID_STROKE, LEGEND_STYLE, legendOrder, legendText, MARGIN, TOOLTIP_STYLE, tooltipDate } from './chart-style';

const LEGEND_SORT = legendOrder(OUTCOME_KEYS);

/** The universe split by visit outcome, day by day (stacked: it adds up to U on each date). */
export default function OutcomeChart({ days, labels }: { days: DailyRowBody[]; labels: Record<(typeof OUTCOME_KEYS)[number], string> }) {
  const f = useFormat();
  const [value, label] = useMemo(() => [(v: unknown) => f.n(typeof v === 'number' ? v : null), tooltipDate(f.date)], [f]);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={days} margin={MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="tanggal" tickFormatter={f.day} tick={AXIS_TICK} minTickGap={28} />
        <YAxis tickFormatter={f.compact} tick={AXIS_TICK} width={52} />
        <Tooltip formatter={value} labelFormatter={label} contentStyle={TOOLTIP_STYLE} />
        <Legend wrapperStyle={LEGEND_STYLE} formatter={legendText} itemSorter={LEGEND_SORT} />
        {OUTCOME_KEYS.map((key) => (
          <Area
            key={key}
            dataKey={key}
            name={labels[key]}
            stackId="u"
            type="linear"
            stroke={OUTCOME_COLORS[key]}
            fill={OUTCOME_COLORS[key]}
            fillOpacity={0.85}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
