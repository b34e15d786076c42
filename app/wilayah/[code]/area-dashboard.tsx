'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useTransition } from 'react';
import { AreaHeading } from '@/components/dashboard/area-heading';
import { AsOfPicker, type AsOfWindow } from '@/components/dashboard/as-of-picker';
import { ChartFrame } from '@/components/dashboard/charts/chart-frame';
import { OutcomeChart, PaceChart, ProgressChart } from '@/components/dashboard/charts/lazy-charts';
import { ChildrenTable } from '@/components/dashboard/children-table';
import { ExportLinks } from '@/components/export-links';
import { AreaShare } from '@/components/share/area-share';
import { AreaFollowups } from '@/components/followup/area-followups';
import { KpiGrid } from '@/components/dashboard/kpi-grid';
import { PartialDayBanner } from '@/components/dashboard/partial-day-banner';
import { SummaryCard } from '@/components/dashboard/summary-card';
import { useFormat, useMetricText } from '@/components/dashboard/use-dashboard-text';
import { AreaMapPanel } from '@/components/map/area-map-panel';
import type { OfficerRefBody } from '@/lib/api/area-schemas';
import { useLiveRefresh } from '@/lib/client/live-refresh';
import { areaViewQuery } from '@/lib/client/queries';
import { OUTCOME_KEYS } from '@/lib/domain/chart-colors';
import type { AreaLevel } from '@/lib/domain/types';
import { formatClock } from '@/lib/format';

export interface AreaDashboardProps {
  code: string;
  /** The resolved as-of date: pinned, so a refresh never moves the page to another date. */
  asOf: string;
  /** The level the table lists when it is not the next one down (from ?level=). */
  level: AreaLevel | null;
  /** Levels the table can list. */
  levels: AreaLevel[];
  window: AsOfWindow & { graceDays: number; timezone: string };
  /** The PPL holding an SLS or sub-SLS (master data: not refreshed). */
  holders?: OfficerRefBody[];
  /** "Perlu perhatian", rendered on the server (components/dashboard/attention-panel.tsx). */
  attention?: React.ReactNode;
}

/**
 * The area page. Its data was prefetched on the server and hydrated under the same key; the
 * live refresh refetches it as one unit (figures, table and charts from one fetch) when the data
 * version moves, together with every other panel of the page (the map's layers included), and it
 * keeps showing the last good data while a refresh or a date change is on its way.
 */
export function AreaDashboard({ code, asOf, level, levels, window: w, holders, attention }: AreaDashboardProps) {
  const t = useTranslations('dashboard');
  const tr = useTranslations('reporting');
  const f = useFormat();
  const text = useMetricText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // New reports or imports anywhere in the kab/kota refetch this view (and the map) within seconds.
  useLiveRefresh();
  const { data, isError, isPlaceholderData, dataUpdatedAt } = useQuery({
    ...areaViewQuery({ code, asOf, from: w.startDate, level }),
    placeholderData: keepPreviousData,
  });

  const hrefOf = useCallback((c: string) => `/wilayah/${c}?asOf=${asOf}`, [asOf]);
  const navigate = useCallback(
    (params: { asOf?: string; level?: AreaLevel | null }) => {
      const next = new URLSearchParams({ asOf: params.asOf ?? asOf });
      const lvl = params.level === undefined ? level : params.level;
      if (lvl && lvl !== levels[0]) next.set('level', lvl);
      startTransition(() => router.push(`/wilayah/${code}?${next}`, { scroll: false }));
    },
    [asOf, code, level, levels, router],
  );
  if (!data) return null;
  const { area, children, daily } = data;
  const window = { startDate: w.startDate, endDate: w.endDate, graceDays: w.graceDays };

  return (
    // While another date's figures stand in (placeholder), the page is dimmed so it never reads as the new date.
    <div className={`space-y-4 transition-opacity ${pending || isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={pending || isPlaceholderData}>
      <PartialDayBanner reporting={area.reporting} completeThrough={w.completeThrough} onOpen={(d) => navigate({ asOf: d })} />
      <AreaHeading area={area} hrefOf={hrefOf} holders={holders} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <AsOfPicker asOf={asOf} window={w} pending={pending} onChange={(d) => navigate({ asOf: d })} />
        <ExportLinks code={area.code} asOf={asOf} level={level ?? undefined} />
        <AreaShare area={area} childAreas={children.children} window={window} />
      </div>
      {isError ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('refreshFailed')}
        </p>
      ) : null}
      <SummaryCard area={area} window={window} />
      {attention}
      <KpiGrid area={area} window={window} />
      <ChartFrame title={t('charts.progress')} metric="forecastBand" testId="chart-progress">
        <ProgressChart
          days={daily.days}
          window={window}
          asOf={asOf}
          universe={area.universe}
          completeThrough={w.completeThrough}
          text={{ actual: t('charts.actual'), plan: t('charts.plan'), target: t('charts.target'), forecast: t('charts.forecast'), band: t('charts.band'), partial: tr('partialSeries') }}
        />
      </ChartFrame>
      {levels.length > 0 ? (
        <ChildrenTable
          parent={area}
          rows={children.children}
          level={children.level}
          levels={levels}
          onLevel={(l) => navigate({ level: l })}
          hrefOf={hrefOf}
          onOpen={(c) => startTransition(() => router.push(hrefOf(c)))}
          window={window}
        />
      ) : null}
      <AreaFollowups code={area.code} level={area.level} asOf={asOf} />
      {area.level === 'kota' || area.level === 'kecamatan' ? <AreaMapPanel key={`${area.code}:${asOf}`} code={area.code} asOf={asOf} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFrame title={t('charts.pace')} metric="pace7" testId="chart-pace">
          <PaceChart days={daily.days} completeThrough={w.completeThrough} text={{ pace: text.label('pace'), pace7: text.label('pace7'), required: text.label('requiredPace') }} />
        </ChartFrame>
        <ChartFrame title={t('charts.outcomes')} metric="belumDikunjungi" testId="chart-outcomes">
          <OutcomeChart days={daily.days} labels={Object.fromEntries(OUTCOME_KEYS.map((k) => [k, text.label(k)])) as Record<(typeof OUTCOME_KEYS)[number], string>} />
        </ChartFrame>
      </div>
      <p className="text-xs text-slate-500">{t('refreshed', { time: clock(dataUpdatedAt, f.locale, w.timezone) })}</p>
    </div>
  );
}

/** A time of day in the campaign's time zone, so the server's and the browser's rendering agree. */
function clock(ms: number, locale: string, timeZone: string): string {
  return formatClock(ms, locale === 'en' ? 'en' : 'id', timeZone);
}
