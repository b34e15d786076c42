'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import type { LegendEntry } from '@/lib/domain/classify';
import type { MapFeatureView } from './leaflet-map';
import { MapCanvas } from './map-canvas';
import { MapLegend } from './map-legend';
import type { MapRow } from './map-rows';
import { MapSelection } from './map-selection';
import type { MapState } from './map-state';
import { MapTooltip } from './map-tooltip';
import type { AreaGeoResponse } from './use-area-geo';
import { useCanHover } from './use-can-hover';
import type { MapText } from './use-map-text';

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

export interface ChoroplethViewProps {
  data: AreaGeoResponse;
  rows: MapRow[];
  legend: LegendEntry[];
  counts: Map<string, number>;
  state: MapState;
  text: MapText;
  variant: 'page' | 'panel';
}

/**
 * The polygons with their legend. A click opens the area; on a touch screen (no hover) the
 * first tap shows the area and the second opens it.
 */
export function ChoroplethView({ data, rows, legend, counts, state, text, variant }: ChoroplethViewProps) {
  const tc = useTranslations('common');
  const router = useRouter();
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
  const selectedRow = rows.find((r) => r.p.code === selected) ?? null;
  const symbolsMax = state.symbols ? Math.max(0, ...rows.map((r) => r.p.menolak)) : null;
  return (
    <div className="gap-4 lg:flex">
      <div className={`relative min-w-0 flex-1 overflow-hidden rounded-lg border border-slate-200 ${variant === 'page' ? 'h-[65vh] min-h-80' : 'h-96'}`}>
        <MapCanvas
          className="h-full w-full"
          features={featureViews(data, rows, state, text)}
          outline={data.area.geometry}
          bbox={data.bbox ?? null}
          fitKey={`${data.area.code}:${data.level}`}
          symbols={state.symbols}
          labelMinZoom={data.features.length <= 10 ? 0 : 11.5}
          selected={selected}
          onFeatureClick={onFeatureClick}
          attribution={tc('attribution')}
          scrollWheelZoom={variant === 'page'}
        />
      </div>
      <aside className="mt-3 space-y-3 lg:mt-0 lg:w-64">
        <MapLegend vertical entries={legend} counts={counts} symbolsMax={symbolsMax} text={text} />
        {selectedRow ? <MapSelection row={selectedRow} text={text} onClose={() => setSelected(null)} /> : null}
      </aside>
    </div>
  );
}
