'use client';

import { useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/status-badge';
import type { AreaResponse } from '@/lib/api/area-schemas';
import { STATUS_COLORS } from '@/lib/domain/status-colors';
import { presentForecast } from '@/lib/domain/forecast-presentation';
import type { CampaignWindow } from '@/lib/domain/types';
import { useFormat } from './use-dashboard-text';
import { useStatusText } from './use-status-text';

/** The morning answer in three lines: on pace or not, how fast against how fast it must go, and when it ends. */
export function SummaryCard({ area, window }: { area: AreaResponse; window: CampaignWindow }) {
  const t = useTranslations('dashboard.summary');
  const tc = useTranslations('common');
  const f = useFormat();
  const st = useStatusText(window);
  const shown = presentForecast(area, window);
  const progres = Math.min(1, area.progres ?? 0);
  const finish =
    area.status === 'selesai'
      ? t('done')
      : shown.kind === 'beyond' || shown.kind === 'insufficient'
        ? st.t('forecast.sentence', { text: st.forecast(area) })
        : area.projectedFinish === null
        ? t('noFinish')
        : area.projectedFinishHigh === null
          ? t('finishOpen', { date: f.date(area.projectedFinish) })
          : t('finish', { date: f.date(area.projectedFinish), low: f.day(area.projectedFinishLow), high: f.date(area.projectedFinishHigh) });
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4" data-testid="summary">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusBadge status={area.status} label={tc(`status.${area.status}`)} reason={st.reason(area)} showReason />
        <span className="text-sm text-slate-600">
          {t('progress', { progres: f.pct(area.progres), plan: f.pct(area.expectedProgres) })}
        </span>
      </div>
      <div className="relative mt-3 h-3 rounded-full bg-slate-100" aria-hidden>
        <div className="h-3 rounded-full" style={{ width: `${progres * 100}%`, background: STATUS_COLORS[area.status] }} />
        <div className="absolute -top-1 h-5 w-0.5 bg-slate-900" style={{ left: `calc(${area.expectedProgres * 100}% - 1px)` }} title={t('planMarker')} />
      </div>
      <p className="mt-3 text-sm">
        {area.requiredPace === null
          ? t('paceNoRequired', { pace7: f.pace(area.pace7) })
          : t('pace', { pace7: f.pace(area.pace7), required: f.pace(area.requiredPace) })}{' '}
        {finish}
      </p>
    </section>
  );
}
