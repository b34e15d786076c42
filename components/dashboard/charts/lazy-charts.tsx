'use client';

// Recharts is loaded only in the browser and only when a chart renders: it stays out of the
// first load, and the fixed-height frame keeps the page from shifting when it arrives.
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { ChartSkeleton } from './chart-frame';

function Loading() {
  const t = useTranslations('dashboard.charts');
  return <ChartSkeleton label={t('loading')} />;
}

export const ProgressChart = dynamic(() => import('./progress-chart'), { ssr: false, loading: Loading });
export const PaceChart = dynamic(() => import('./pace-chart'), { ssr: false, loading: Loading });
export const OutcomeChart = dynamic(() => import('./outcome-chart'), { ssr: false, loading: Loading });
