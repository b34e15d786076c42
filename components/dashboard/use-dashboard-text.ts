'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { formatCompact, formatDate, formatNumber, formatPace, formatPercent } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import type { Definition } from './info-popover';

export const METRIC_KEYS = [
  'prelist',
  'keluargaBaru',
  'universe',
  'selesai',
  'menolak',
  'tidakDitemui',
  'tidakDitemukan',
  'closed',
  'progres',
  'cakupanSasaranAwal',
  'tingkatPenolakan',
  'nonrespons',
  'belumDikunjungi',
  'pace',
  'pace7',
  'requiredPace',
  'projectedFinish',
  'projectedRange',
  'status',
  'daysLeft',
  'expectedProgres',
  'forecastBand',
  'asOf',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** Numbers and dates in the reader's language (id-ID by default). */
export function useFormat() {
  const locale = toLocale(useLocale());
  return useMemo(
    () => ({
      locale,
      n: (v: number | null | undefined) => formatNumber(v, locale),
      pct: (v: number | null | undefined) => formatPercent(v, locale),
      /** A pace, as every page, card and text writes it (lib/format). */
      pace: (v: number | null | undefined) => formatPace(v, locale),
      date: (v: string | null | undefined) => formatDate(v, locale),
      day: (v: string | null | undefined) => formatDate(v, locale, false),
      compact: (v: number | null | undefined) => formatCompact(v, locale),
    }),
    [locale],
  );
}

/** Labels and definitions of the metrics: one source (messages/<locale>/metrics.json) for cards, tables, charts and the glossary. */
export function useMetricText() {
  const t = useTranslations('metrics');
  const td = useTranslations('dashboard');
  return useMemo(() => {
    const label = (key: MetricKey) => t(`${key}.label`);
    const def = (key: MetricKey): Definition => ({ id: key, label: label(key), formula: t(`${key}.formula`), definition: t(`${key}.definition`) });
    const infoLabels = (key: MetricKey) => ({ open: td('definition', { label: label(key) }), glossary: td('glossaryLink'), close: td('close') });
    return { label, def, infoLabels };
  }, [t, td]);
}
