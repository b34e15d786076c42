'use client';

import { useTranslations } from 'next-intl';
import { KpiCard } from '@/components/kpi-card';
import { StatusBadge } from '@/components/status-badge';
import type { AreaResponse } from '@/lib/api/area-schemas';
import { MetricInfo } from './metric-info';
import type { CampaignWindow } from '@/lib/domain/types';
import { useFormat, useMetricText, type MetricKey } from './use-dashboard-text';
import { useStatusText } from './use-status-text';

/** Every figure of the area at a glance, each with its definition one tap away. */
export function KpiGrid({ area, window }: { area: AreaResponse; window: CampaignWindow }) {
  const endDate = window.endDate;
  const st = useStatusText(window);
  const t = useTranslations('dashboard');
  const tc = useTranslations('common');
  const f = useFormat();
  const { label } = useMetricText();
  const card = (metric: MetricKey, value: React.ReactNode, hint?: React.ReactNode) => (
    <KpiCard key={metric} label={label(metric)} value={value} hint={hint} info={<MetricInfo metric={metric} />} testId={`kpi-${metric}`} />
  );
  const range =
    area.projectedFinishLow === null
      ? undefined
      : area.projectedFinishHigh === null
        ? t('rangeOpen', { low: f.day(area.projectedFinishLow) })
        : t('rangeHint', { low: f.day(area.projectedFinishLow), high: f.day(area.projectedFinishHigh) });
  return (
    <section className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4" aria-label={t('summary.title')}>
      {card('prelist', f.n(area.prelist), t('universeHint', { value: f.n(area.universe) }))}
      {card('keluargaBaru', f.n(area.keluargaBaru))}
      {card('selesai', f.n(area.selesai))}
      {card('progres', f.pct(area.progres), t('planHint', { value: f.pct(area.expectedProgres) }))}
      {card('cakupanSasaranAwal', f.pct(area.cakupanSasaranAwal))}
      {card('tingkatPenolakan', f.pct(area.tingkatPenolakan), t('refusedHint', { value: f.n(area.menolak) }))}
      {card('tidakDitemui', f.n(area.tidakDitemui))}
      {card('belumDikunjungi', f.n(area.belumDikunjungi))}
      {card(
        'pace7',
        t('perDay', { value: f.pace(area.pace7) }),
        area.requiredPace === null ? undefined : t('requiredHint', { value: f.pace(area.requiredPace) }),
      )}
      {card('projectedFinish', st.forecast(area), range)}
      {card('status', <StatusBadge status={area.status} label={tc(`status.${area.status}`)} reason={st.reason(area)} />, st.reason(area))}
      {card('daysLeft', f.n(area.daysLeft), t('untilHint', { date: f.day(endDate) }))}
    </section>
  );
}
