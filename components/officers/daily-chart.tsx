'use client';

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';

export interface DailyChartProps {
  points: { tanggal: string; closed: number; pace: number }[];
  locale: Locale;
  labels: { closed: string; pace: string };
}

/** Daily pace (bars, left axis) and cumulative closed families (line, right axis). */
export default function DailyChart({ points, locale, labels }: DailyChartProps) {
  const tick = (d: string) => formatDate(d, locale, false);
  return (
    <figure data-testid="daily-chart">
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="tanggal" tickFormatter={tick} tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis yAxisId="pace" tick={{ fontSize: 11 }} allowDecimals={false} />
          <YAxis yAxisId="closed" orientation="right" tick={{ fontSize: 11 }} allowDecimals={false} width={44} />
          <Tooltip
            labelFormatter={(d) => formatDate(String(d), locale)}
            formatter={(value, name) => [formatNumber(Number(value), locale), name === 'pace' ? labels.pace : labels.closed]}
          />
          <Bar yAxisId="pace" dataKey="pace" name="pace" fill="#56b4e9" isAnimationActive={false} />
          <Line yAxisId="closed" dataKey="closed" name="closed" stroke="#1d4ed8" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2.5 w-3 bg-[#56b4e9]" />
          {labels.pace}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-0.5 w-4 bg-[#1d4ed8]" />
          {labels.closed}
        </span>
      </figcaption>
    </figure>
  );
}
