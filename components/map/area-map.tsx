'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { dateRange, maxDate } from '@/lib/domain/dates';
import { mapClasses } from '@/lib/domain/map-legend';
import type { AreaLevel } from '@/lib/domain/types';
import { ChoroplethView } from './choropleth-view';
import { MapControls } from './map-controls';
import { MapLegend } from './map-legend';
import type { MapRow } from './map-rows';
import type { MapState } from './map-state';
import { MapTable } from './map-table';
import { SlsGrid } from './sls-grid';
import { TimeSlider } from './time-slider';
import { useAreaGeo, usePrefetchDays, type AreaGeoResponse } from './use-area-geo';
import { useMapText, type MapText } from './use-map-text';
import { useReplay } from './use-replay';

type DrillHref = (code: string, level: AreaLevel, state: MapState) => string;

export interface AreaMapProps {
  code: string;
  state: MapState;
  onChange: (patch: Partial<MapState>) => void;
  /** Where clicking a child area leads: the map of it, or its page when it has no polygons below. */
  drillHref: DrillHref;
  /** 'page' fills /peta; 'panel' sits inside an area page (no scroll-wheel zoom, shorter, table folded). */
  variant: 'page' | 'panel';
}

/** Same class, same colour, same label in map, legend, table and grid: all come from one mapClasses call. */
function useMapModel(data: AreaGeoResponse | undefined, state: MapState, text: MapText, drillHref: DrillHref) {
  return useMemo(() => {
    if (!data) return { rows: [] as MapRow[], legend: [], counts: new Map<string, number>() };
    const values = data.features.map((f) => f.properties[state.metric]);
    const { legend, entries } = mapClasses(state.metric, values, state.method, text.legend);
    const rows: MapRow[] = data.features.map((f, i) => ({
      p: f.properties,
      entry: entries[i],
      valueText: text.value(values[i]),
      href: drillHref(f.id, f.properties.level, state),
      pageHref: `/wilayah/${f.id}?asOf=${data.asOf}`,
    }));
    const counts = entries.reduce((m, e) => m.set(e.key, (m.get(e.key) ?? 0) + 1), new Map<string, number>());
    return { rows, legend, counts };
  }, [data, state, text, drillHref]);
}

function MapStatus({ error, onRetry }: { error: Error | null; onRetry: () => void }) {
  const t = useTranslations('map');
  if (!error) return <div className="h-80 animate-pulse rounded-lg bg-slate-200" role="status" aria-busy="true" aria-label={t('loading')} />;
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" role="alert">
      {t('error')} {error.message}{' '}
      <button type="button" className="underline" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}

/** The map of an area's children: controls, as-of replay, choropleth or SLS grid, legend and table. */
export function AreaMap({ code, state, onChange, drillHref, variant }: AreaMapProps) {
  const t = useTranslations('map');
  const tc = useTranslations('common');
  const text = useMapText(state.metric, state.method);
  const query = useAreaGeo({ code, level: state.level, asOf: state.asOf });
  const data = query.data;
  const shownAsOf = state.asOf ?? data?.asOf ?? null;
  const dates = useMemo(
    () => (data && shownAsOf ? dateRange(data.window.startDate, maxDate(data.window.defaultAsOf, shownAsOf)) : []),
    [data, shownAsOf],
  );
  const goTo = useCallback((asOf: string) => onChange({ asOf }), [onChange]);
  const replay = useReplay({
    dates,
    current: shownAsOf ?? '',
    ready: !query.isPlaceholderData && !query.isFetching,
    go: goTo,
    prefetch: usePrefetchDays(code, state.level),
  });
  const { rows, legend, counts } = useMapModel(data, state, text, drillHref);
  if (!data) return <MapStatus error={query.error} onRetry={() => void query.refetch()} />;

  const polygons = data.features.some((f) => f.geometry);
  return (
    <div className="space-y-3" data-testid="area-map" data-level={data.level} data-asof={data.asOf}>
      <MapControls
        idPrefix={`map-${variant}`}
        metric={state.metric}
        onMetric={(metric) => onChange({ metric, symbols: metric === 'tingkatPenolakan' || state.symbols })}
        level={data.area.level === 'kota' ? state.level : undefined}
        onLevel={(level) => onChange({ level })}
        method={state.method}
        onMethod={(method) => onChange({ method })}
        symbols={polygons ? state.symbols : undefined}
        onSymbols={(symbols) => onChange({ symbols })}
      />
      {shownAsOf ? (
        <TimeSlider
          id={`map-${variant}-asof`}
          dates={dates}
          value={shownAsOf}
          onChange={(d) => {
            replay.pause();
            goTo(d);
          }}
          playing={replay.playing}
          onPlay={replay.play}
          onPause={replay.pause}
          text={text}
        />
      ) : null}
      {polygons ? (
        <ChoroplethView data={data} rows={rows} legend={legend} counts={counts} state={state} text={text} variant={variant} />
      ) : (
        <>
          <MapLegend vertical={false} entries={legend} counts={counts} symbolsMax={null} text={text} />
          {rows.length ? <SlsGrid rows={rows} kelurahanName={data.area.name} text={text} /> : <p className="text-sm text-slate-500">{t('noFeatures')}</p>}
        </>
      )}
      <details open={variant === 'page'} className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <summary className="cursor-pointer px-3 py-2 font-semibold">
          {t('table')} <span className="text-sm font-normal text-slate-500">({rows.length})</span>
        </summary>
        <MapTable
          rows={rows}
          caption={t('tableCaption', { metric: text.metricLabel, level: tc(`levels.${data.level}`), date: text.date(data.asOf) })}
          text={text}
          showPageLink={polygons && variant === 'page'}
        />
      </details>
    </div>
  );
}
