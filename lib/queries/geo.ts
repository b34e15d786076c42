import 'server-only';
import { sql } from 'drizzle-orm';
import type { Feature, Geometry, Position } from 'geojson';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import { mapMetricValue, mapMetricValues, type MapLevel, type MapMetric, type MapMetricValues } from '@/lib/domain/map-metrics';
import { parentCode } from '@/lib/domain/area-code';
import type { Scope } from '@/lib/domain/scope';
import { AREA_LEVELS, LEVEL_CODE_LENGTH, type AreaLevel, type CampaignWindow, type Status } from '@/lib/domain/types';
import { boundsOf, labelPoint, type Bounds } from '@/lib/geo/label-point';
import { getArea, listAreaChildren, type AreaMetrics, type AreaRef } from './areas';
import { groupByPrefix, groupChange } from '@/lib/domain/refusal-groups';
import { listSubslsRefusals } from './refusals';
import { areaVisible } from '@/lib/db/scope-sql';


export type AreaFeatureProperties = AreaMetrics &
  MapMetricValues & {
    parentCode: string;
    /** Where a label or a proportional symbol goes: a point inside the polygon, [lon, lat]. */
    labelPoint: Position | null;
    /** The requested metric's value (a fraction, a multiple, or a status). */
    value: number | Status | null;
  };

/** A child area as a GeoJSON feature; geometry is null below kelurahan (SLS have no boundary). */
export type AreaFeature = Feature<Geometry | null, AreaFeatureProperties> & { id: string };

export interface AreaGeo {
  type: 'FeatureCollection';
  /** The area the features lie in, with its own boundary (null for a kota: none is loaded). */
  area: AreaRef & { geometry: Geometry | null };
  asOf: string;
  metric: MapMetric;
  /** Level of the features. */
  level: AreaLevel;
  /** [west, south, east, north] of the features' and the area's polygons. */
  bbox?: Bounds;
  features: AreaFeature[];
}

const depth = (level: AreaLevel) => AREA_LEVELS.indexOf(level);

/** The level the features are at: the requested one when it lies below the area, else the children's. */
function featureLevel(areaLevel: AreaLevel, requested?: MapLevel): AreaLevel {
  if (requested && depth(requested) > depth(areaLevel)) return requested;
  return AREA_LEVELS[Math.min(depth(areaLevel) + 1, AREA_LEVELS.length - 1)];
}

/** Codes of the children of `code` visible in the scope. */
async function listChildCodes(db: Db, scope: Scope, code: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select code from area where kode_kota = ${scope.kodeKota} and parent_code = ${code}
    and ${areaVisible(scope, sql`code`)} order by code`,
  );
  return rows.map((r) => r.code);
}

/** Web-map boundaries (simplified when the loader stored them so) of the visible areas among `codes`. */
export async function listBoundaries(db: Db, scope: Scope, codes: readonly string[]): Promise<Map<string, Geometry>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; geometry: Geometry }>(
    db,
    sql`select b.code, coalesce(b.simplified, b.geometry) as geometry from area_boundary b
    where b.kode_kota = ${scope.kodeKota} and b.code = any(${arrayParam(codes)}::text[]) and ${areaVisible(scope, sql`b.code`)}`,
  );
  return new Map(rows.map((r) => [r.code, typeof r.geometry === 'string' ? (JSON.parse(r.geometry) as Geometry) : r.geometry]));
}

/** Metrics of the areas `levels` below `code` (1 = children, 2 = grandchildren), from listAreaChildren. */
async function listDescendantMetrics(
  db: Db,
  scope: Scope,
  params: { code: string; asOf: string; window: CampaignWindow; levels: number },
): Promise<AreaMetrics[]> {
  const { levels, ...rest } = params;
  if (levels <= 1) return listAreaChildren(db, scope, rest);
  const parents = await listChildCodes(db, scope, params.code);
  const groups = await Promise.all(parents.map((code) => listDescendantMetrics(db, scope, { ...params, code, levels: levels - 1 })));
  return groups.flat();
}

/**
 * The child areas of `code` (or its kelurahan, for a kota with level=kelurahan) as a GeoJSON
 * FeatureCollection with every AreaMetrics figure in each feature's properties; null when
 * the area is not visible in the scope.
 */
export async function getAreaGeo(
  db: Db,
  scope: Scope,
  params: { code: string; asOf: string; window: CampaignWindow; metric: MapMetric; level?: MapLevel },
): Promise<AreaGeo | null> {
  const { code, asOf, window, metric } = params;
  const area = await getArea(db, scope, code);
  if (!area) return null;
  const level = featureLevel(area.level, params.level);
  const levels = depth(level) - depth(area.level);
  const children = await listDescendantMetrics(db, scope, { code, asOf, window, levels });
  const [boundaries, refusals] = await Promise.all([
    listBoundaries(db, scope, [code, ...children.map((c) => c.code)]),
    listSubslsRefusals(db, scope, { code, asOf }),
  ]);
  const refusalsOf = groupByPrefix(refusals, LEVEL_CODE_LENGTH[level]);
  const features = children.map((m): AreaFeature => {
    const geometry = boundaries.get(m.code) ?? null;
    const derived = mapMetricValues(m, groupChange(refusalsOf.get(m.code) ?? []));
    const parent = parentCode(m.code) ?? m.code;
    return {
      type: 'Feature',
      id: m.code,
      geometry,
      properties: { ...m, ...derived, parentCode: parent, labelPoint: labelPoint(geometry), value: mapMetricValue({ ...m, ...derived }, metric) },
    };
  });
  const areaGeometry = boundaries.get(code) ?? null;
  const bbox = boundsOf([areaGeometry, ...features.map((f) => f.geometry)]);
  return {
    type: 'FeatureCollection',
    area: { ...area, geometry: areaGeometry },
    asOf,
    metric,
    level,
    ...(bbox ? { bbox } : {}),
    features,
  };
}
