'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { ClassMethod } from '@/lib/domain/classify';
import type { LegendText } from '@/lib/domain/map-legend';
import { mapMetricKind, type MapMetric } from '@/lib/domain/map-metrics';
import type { Status } from '@/lib/domain/types';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';

/** Labels and number formats of the map in the reader's language. */
export function useMapText(metric: MapMetric, method: ClassMethod) {
  const locale = toLocale(useLocale());
  const t = useTranslations('map');
  const tc = useTranslations('common');
  return useMemo(() => {
    const kind = mapMetricKind(metric);
    const status = (s: Status) => tc(`status.${s}`);
    /** A value of the mapped metric as shown in tooltips and the table. */
    const value = (v: number | Status | null): string => {
      if (v === null) return t('noData');
      if (typeof v === 'string') return status(v);
      if (kind === 'count') return formatNumber(v, locale);
      return kind === 'multiple' ? t('times', { value: formatNumber(v, locale, 2) }) : formatPercent(v, locale, 1);
    };
    // Fixed breaks are round numbers; quantile breaks need a decimal to tell classes apart.
    const bound = (v: number) =>
      kind === 'count'
        ? formatNumber(v, locale)
        : kind === 'multiple' ? t('times', { value: formatNumber(v, locale, 2) }) : formatPercent(v, locale, method === 'fixed' ? 0 : 1);
    const legend: LegendText = { format: bound, status, noData: t('noData') };
    return {
      locale,
      value,
      legend,
      number: (v: number | null) => formatNumber(v, locale),
      percent: (v: number | null) => formatPercent(v, locale, 1),
      date: (d: string | null, withYear = true) => formatDate(d, locale, withYear),
      metricLabel: t(`metrics.${metric}`),
    };
  }, [locale, metric, method, t, tc]);
}

export type MapText = ReturnType<typeof useMapText>;
