'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { mapClasses } from '@/lib/domain/map-legend';
import { dateRange, maxDate } from '@/lib/domain/dates';
import type { AreaLevel } from '@/lib/domain/types';
import type { MapFeatureView } from './leaflet-map';
import { MapCanvas } from './map-canvas';
import { MapControls } from './map-controls';
import { MapLegend } from './map-legend';
import type { MapRow } from './map-rows';
import { MapSelection } from './map-selection';
import type { MapState } from './map-state';
import { MapTable } from './map-table';
import { MapTooltip } from './map-tooltip';
import { SlsGrid } from './sls-grid';
import { TimeSlider } from './time-slider';
import { useAreaGeo, usePrefetchDays, type AreaGeoResponse } from './use-area-geo';
import { useCanHover } from './use-can-hover';
import { useMapText, type MapText } from './use-map-text';
import { useReplay } from './use-replay';

export interface AreaMapProps {
  code: string;
  state: MapState;
  onChange: (patch: Partial<MapState>) => void;
  /** Where clicking a child area leads: the map of it, or its page when it has no polygons below. */
  drillHref: (code: string, level: AreaLevel, state: MapState) => string;
  /** 'page' fills /peta; 'panel' sits inside an area page (no scroll-wheel zoom, shorter). */
  variant: 'page' | 'panel';
}

/** Same class, same colour, same label in map, legend, table and grid: all come from mapClasses. */
function buildRows(data: AreaGeoResponse, state: MapState, text: MapText, drill: AreaMapProps['drillHref']): MapRow[] {
  const values = data.features.map((f) => f.properties[state.metric]);
  const { entries } = mapClasses(state.metric, values, state.method, text.legend);
  return data.features.map((f, i) => ({
    p: f.properties,
    entry: entries[i],
    valueText: text.value(values[i]),
    href: drill(f.id, f.properties.level, state),
    pageHref: `/wilayah/${f.id}?asOf=${data.asOf}`,
  }));
}

/** The map of an area's children: controls, as-of replay, choropleth or SLS grid, legend and table. */
export function AreaMap({ code, state, onChange, drillHref, variant }: AreaMapProps) {
  const t = useTranslations('map');
  const tc = useTranslations('common');
  const router = useRouter();
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

  const rows = useMemo(() => (data ? buildRows(data, state, text, drillHref) : []), [data, state, text, drillHref]);
  const legend = useMemo(
    () => (data ? mapClasses(state.metric, data.features.map((f) => f.properties[state.metric]), state.method, text.legend).legend : []),
    [data, state.metric, state.method, text],
  );
  const counts = useMemo(() => rows.reduce((m, r) => m.set(r.entry.key, (m.get(r.entry.key) ?? 0) + 1), new Map<string, number>()), [rows]);

  const canHover = useCanHover();
  const [selected, setSelected] = useState<string | null>(null);
  const onFeatureClick = useCallback(
    (child: string) => {
      const row = rows.find((r) => r.p.code === child);
      if (!row) return;
      if (canHover || selected === child) router.push(row.href);
      else setSelected(child);
    },
    [rows, canHover, selected, router],
  );

  if (!data) {
    return query.isError ? (
      <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" role="alert">
        {t('error')} {query.error.message}{' '}
        <button type="button" className="underline" onClick={() => void query.refetch()}>
          {t('retry')}
        </button>
      </div>
    ) : (
      <div className="h-80 animate-pulse rounded-lg bg-slate-200" aria-busy="true" aria-label={t('loading')} />
    );
  }

  const polygons = data.features.some((f) => f.geometry);
  const selectedRow = rows.find((r) => r.p.code === selected) ?? null;
  const levelLabel = tc(`levels.${data.level}`);
  return (
    <div className="space-y-3" data-testid="area-map" data-level={data.level} data-asof={data.asOf}>
      <MapControls
        idPrefix={`map-${variant}`}
        metric={state.metric}
        onMetric={(metric) => onChange({ metric, symbols: metric === 'tingkatPenolakan' || state.symbols })}
        level={data.area.level === 'kota' && data.level !== 'sls' ? state.level : undefined}
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
        <div className="gap-4 lg:flex">
          <div className={`relative min-w-0 flex-1 overflow-hidden rounded-lg border border-slate-200 ${variant === 'page' ? 'h-[65vh] min-h-80' : 'h-96'}`}>
            <MapCanvas
              className="h-full w-full"
              features={featureViews(data, rows, state, text)}
              outline={data.area.geometry}
              bbox={data.bbox ?? null}
              fitKey={`${data.area.code}:${data.level}`}
              symbols={state.symbols}
              labelMinZoom={data.features.length <= 10 ? 0 : 12.5}
              selected={selected}
              onFeatureClick={onFeatureClick}
              attribution={tc('attribution')}
              scrollWheelZoom={variant === 'page'}
            />
          </div>
          <aside className="mt-3 space-y-3 lg:mt-0 lg:w-64">
            <MapLegend vertical entries={legend} counts={counts} symbolsMax={state.symbols ? Math.max(0, ...rows.map((r) => r.p.menolak)) : null} text={text} />
            {selectedRow ? <MapSelection row={selectedRow} text={text} onClose={() => setSelected(null)} /> : null}
          </aside>
        </div>
      ) : (
        <>
          <MapLegend vertical={false} entries={legend} counts={counts} symbolsMax={null} text={text} />
          {rows.length ? <SlsGrid rows={rows} kelurahanName={data.area.name} text={text} /> : <p className="text-sm text-slate-500">{t('noFeatures')}</p>}
        </>
      )}
      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-200 px-3 py-2 font-semibold">{t('table')}</h2>
        <MapTable
          rows={rows}
          caption={t('tableCaption', { metric: text.metricLabel, level: levelLabel, date: text.date(data.asOf) })}
          text={text}
          showPageLink={polygons}
        />
      </section>
    </div>
  );
}

function featureViews(data: AreaGeoResponse, rows: MapRow[], state: MapState, text: MapText): MapFeatureView[] {
  return data.features.flatMap((f, i) =>
    f.geometry
      ? [
          {
            code: f.id,
            name: f.properties.name,
            geometry: f.geometry,
            color: rows[i].entry.color,
            labelPoint: f.properties.labelPoint,
            menolak: f.properties.menolak,
            tooltip: <MapTooltip p={f.properties} metric={state.metric} text={text} />,
          },
        ]
      : [],
  );
}
