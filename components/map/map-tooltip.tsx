'use client';

import { useTranslations } from 'next-intl';
import type { MapMetric } from '@/lib/domain/map-metrics';
import type { AreaFeatureProperties } from '@/lib/queries/geo';
import type { MapText } from './use-map-text';

/** What hovering or tapping an area shows: its name, both codes and its figures. */
export function MapTooltip({ p, metric, text }: { p: AreaFeatureProperties; metric: MapMetric; text: MapText }) {
  const t = useTranslations('map');
  const ta = useTranslations('area');
  const tc = useTranslations('common');
  return (
    <div className="min-w-44 space-y-0.5 text-xs leading-snug text-slate-800">
      <div className="text-sm font-semibold">{p.name}</div>
      <div className="text-slate-500">
        {tc(`levels.${p.level}`)} · {p.code}
        {p.kemendagriCode ? ` · ${p.kemendagriCode}` : ''}
      </div>
      <div>
        {text.metricLabel}: <strong>{text.value(p[metric])}</strong>
      </div>
      {metric === 'progres' ? null : (
        <div>
          {ta('progres')}: {text.percent(p.progres)}
        </div>
      )}
      <div>{t('selesaiOf', { selesai: text.number(p.selesai), universe: text.number(p.universe) })}</div>
      <div>
        {ta('menolak')}: {text.number(p.menolak)} ({text.percent(p.tingkatPenolakan)})
      </div>
      {metric === 'status' ? null : (
        <div>
          {ta('status')}: {tc(`status.${p.status}`)}
        </div>
      )}
    </div>
  );
}
