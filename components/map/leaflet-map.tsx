'use client';

// The only module that imports Leaflet. It touches `window` on import, so it is loaded with
// next/dynamic({ ssr: false }) from map-canvas.tsx and never reaches the server bundle.
import 'leaflet/dist/leaflet.css';
import L, { type LatLngBoundsExpression, type LatLngExpression, type LeafletMouseEvent, type PathOptions } from 'leaflet';
import type { Geometry, Position } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CircleMarker, MapContainer, Marker, Pane, Polygon, TileLayer, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { symbolRadius } from '@/lib/domain/classify';
import { boundsOf, type Bounds } from '@/lib/geo/label-point';
import { placeLabels } from '@/lib/geo/label-layout';
import { SYMBOL_MAX_RADIUS, SYMBOL_STYLE } from './map-legend';

export interface MapFeatureView {
  code: string;
  name: string;
  geometry: Geometry;
  color: string;
  labelPoint: Position | null;
  menolak: number;
  tooltip: React.ReactNode;
}

export interface LeafletMapProps {
  features: MapFeatureView[];
  /** The boundary of the area the features lie in, drawn as an outline. */
  outline: Geometry | null;
  bbox: Bounds | null;
  /** The map refits its view whenever this changes (another area or level). */
  fitKey: string;
  symbols: boolean;
  /** Labels show from this zoom on (always for a few large areas). */
  labelMinZoom: number;
  selected: string | null;
  onFeatureClick: (code: string) => void;
  attribution: string;
  scrollWheelZoom: boolean;
  className?: string;
}

const TILES_URL = process.env.NEXT_PUBLIC_PANTAU_TILES_URL;
const TILES_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
const LABEL_STYLE = [
  'display:inline-block',
  'transform:translate(-50%,-50%)',
  'white-space:nowrap',
  'font:600 11px/1.1 system-ui,sans-serif',
  'color:#0f172a',
  'text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff',
].join(';');

type Rings = L.LatLng[][] | L.LatLng[][][];

function toLatLngs(g: Geometry): Rings | null {
  if (g.type === 'Polygon') return L.GeoJSON.coordsToLatLngs(g.coordinates, 1) as L.LatLng[][];
  if (g.type === 'MultiPolygon') return L.GeoJSON.coordsToLatLngs(g.coordinates, 2) as L.LatLng[][][];
  return null;
}

const toLatLng = (p: Position): LatLngExpression => [p[1], p[0]];
const toBounds = (b: Bounds): LatLngBoundsExpression => [
  [b[1], b[0]],
  [b[3], b[2]],
];

// Boundaries do not change between days: each area's is converted once per area and level, and
// the same array keeps react-leaflet from resetting the polygon on every day of a replay.
const positionCache = new Map<string, Rings | null>();

function positionsOf(fitKey: string, f: MapFeatureView): Rings | null {
  const key = `${fitKey}:${f.code}`;
  if (!positionCache.has(key)) {
    if (positionCache.size > 2000) positionCache.clear();
    positionCache.set(key, toLatLngs(f.geometry));
  }
  return positionCache.get(key)!;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fits the view to the area when it changes, and keeps Leaflet's size in step with its box. */
function FitToArea({ bbox, fitKey }: { bbox: Bounds | null; fitKey: string }) {
  const map = useMap();
  // Only a new area or level refits: a new day must not undo the reader's zoom.
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    if (!bbox || fitted.current === fitKey) return;
    fitted.current = fitKey;
    map.fitBounds(toBounds(bbox), { padding: [8, 8] });
  }, [map, fitKey, bbox]);
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

/** The boundary attribution, always shown, without Leaflet's own prefix. */
function Attribution({ text }: { text: string }) {
  const map = useMap();
  useEffect(() => {
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(text);
    return () => void map.attributionControl.removeAttribution(text);
  }, [map, text]);
  return null;
}

function useZoom(): number {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  return zoom;
}

const labelIcons = new Map<string, L.DivIcon>();

/** One icon per name, so a new day does not rebuild the labels. */
function labelIcon(name: string): L.DivIcon {
  if (!labelIcons.has(name)) {
    labelIcons.set(name, L.divIcon({ className: 'pantau-map-label', html: `<span style="${LABEL_STYLE}">${escapeHtml(name)}</span>`, iconSize: [0, 0] }));
  }
  return labelIcons.get(name)!;
}

/** Rough width of a label in pixels (11 px bold system font). */
const labelWidth = (name: string) => name.length * 6.4 + 6;

/** Area names at their label points; a label that would overlap a larger area's label is left out. */
function Labels({ features, minZoom }: { features: MapFeatureView[]; minZoom: number }) {
  const map = useMap();
  const zoom = useZoom();
  if (zoom < minZoom) return null;
  const placed = features
    .filter((f) => f.labelPoint)
    .map((f) => {
      const b = boundsOf([f.geometry])!;
      return { f, size: (b[2] - b[0]) * (b[3] - b[1]), at: map.project(toLatLng(f.labelPoint!), zoom) };
    })
    .sort((a, b) => b.size - a.size);
  const fits = placeLabels(placed.map(({ f, at }) => ({ x: at.x, y: at.y, width: labelWidth(f.name), height: 14 })));
  return placed
    .filter((_, i) => fits[i])
    .map(({ f }) => (
      <Marker
        key={f.code}
        position={toLatLng(f.labelPoint!)}
        interactive={false}
        keyboard={false}
        icon={labelIcon(f.name)}
      />
    ));
}

const baseStyle = (color: string, selected: boolean): PathOptions => ({
  fillColor: color,
  fillOpacity: TILES_URL ? 0.7 : 0.9,
  color: selected ? '#0f172a' : '#ffffff',
  weight: selected ? 3 : 1,
});

function AreaPolygon({ f, positions, selected, onClick }: { f: MapFeatureView; positions: Rings; selected: boolean; onClick: (code: string) => void }) {
  const style = useMemo(() => baseStyle(f.color, selected), [f.color, selected]);
  const handlers = useMemo(
    () => ({
      click: () => onClick(f.code),
      mouseover: (e: LeafletMouseEvent) => {
        (e.target as L.Path).setStyle({ color: '#0f172a', weight: 2.5 }).bringToFront();
      },
      mouseout: (e: LeafletMouseEvent) => void (e.target as L.Path).setStyle(style),
    }),
    [f.code, onClick, style],
  );
  return (
    <Polygon positions={positions} pathOptions={style} className={`pantau-area area-${f.code}`} eventHandlers={handlers}>
      <Tooltip sticky>{f.tooltip}</Tooltip>
    </Polygon>
  );
}

function Symbols({ features, onClick }: { features: MapFeatureView[]; onClick: (code: string) => void }) {
  const max = Math.max(0, ...features.map((f) => f.menolak));
  return features
    .filter((f) => f.labelPoint && f.menolak > 0)
    .sort((a, b) => b.menolak - a.menolak)
    .map((f) => (
      <CircleMarker
        key={f.code}
        center={toLatLng(f.labelPoint!)}
        radius={symbolRadius(f.menolak, max, SYMBOL_MAX_RADIUS)}
        className={`pantau-symbol symbol-${f.code}`}
        pathOptions={SYMBOL_STYLE}
        eventHandlers={{ click: () => onClick(f.code) }}
      >
        <Tooltip sticky>{f.tooltip}</Tooltip>
      </CircleMarker>
    ));
}

/** Choropleth of the child areas on their boundaries alone; OSM tiles only when configured. */
export default function LeafletMap(props: LeafletMapProps) {
  const { features, outline, bbox, fitKey, selected, onFeatureClick } = props;
  const outlinePositions = useMemo(() => (outline ? toLatLngs(outline) : null), [outline]);
  return (
    <MapContainer
      className={props.className}
      bounds={bbox ? toBounds(bbox) : undefined}
      boundsOptions={{ padding: [8, 8] }}
      zoomSnap={0.25}
      scrollWheelZoom={props.scrollWheelZoom}
      style={{ background: '#e2e8f0' }}
    >
      {TILES_URL ? <TileLayer url={TILES_URL} attribution={TILES_ATTRIBUTION} /> : null}
      <Attribution text={props.attribution} />
      <FitToArea bbox={bbox} fitKey={fitKey} />
      {features.map((f) => {
        const positions = positionsOf(fitKey, f);
        return positions ? <AreaPolygon key={f.code} f={f} positions={positions} selected={selected === f.code} onClick={onFeatureClick} /> : null;
      })}
      {/* Own panes (own SVGs) keep the overlay pane to the area polygons alone. */}
      <Pane name="outline" style={{ zIndex: '420', pointerEvents: 'none' }}>
        {outlinePositions ? <Polygon positions={outlinePositions} interactive={false} pathOptions={{ fill: false, color: '#334155', weight: 2.5 }} /> : null}
      </Pane>
      <Pane name="symbols" style={{ zIndex: '430' }}>
        {props.symbols ? <Symbols features={features} onClick={onFeatureClick} /> : null}
      </Pane>
      <Pane name="labels" style={{ zIndex: '440', pointerEvents: 'none' }}>
        <Labels features={features} minZoom={props.labelMinZoom} />
      </Pane>
    </MapContainer>
  );
}
