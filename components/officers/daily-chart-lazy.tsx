'use client';

import dynamic from 'next/dynamic';
import type { DailyChartProps } from './daily-chart';

// Recharts only in the browser, and only on pages that show the chart.
const DailyChart = dynamic(() => import('./daily-chart'), {
  ssr: false,
  loading: () => <div className="h-64 w-full animate-pulse rounded bg-slate-100" />,
});

export function DailyChartLazy(props: DailyChartProps) {
  return <DailyChart {...props} />;
}
