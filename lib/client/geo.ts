// The map's data: one layer of /api/v1/areas/{code}/geo per area, level and as-of date.
import type { MapWindow } from '@/lib/api/geo-schemas';
import type { MapLevel } from '@/lib/domain/map-metrics';
import type { AreaGeo } from '@/lib/queries/geo';
import { apiFetch } from './api-fetch';

export interface GeoRequest {
  code: string;
  level?: MapLevel;
  /** null: the server's default (the latest report date). */
  asOf: string | null;
}

/** The geo response as the client receives it: the collection plus the fieldwork window. */
export type AreaGeoResponse = AreaGeo & { window: MapWindow };

/** The URL of a map layer; the metric is left out, every metric is in the properties anyway. */
export function geoUrl(r: GeoRequest): string {
  const q = new URLSearchParams();
  if (r.asOf) q.set('asOf', r.asOf);
  if (r.level) q.set('level', r.level);
  const s = q.toString();
  return `/api/v1/areas/${r.code}/geo${s ? `?${s}` : ''}`;
}

/** One layer; the server answers an unchanged one with a bodiless 304 (its ETag). */
export function fetchGeo(r: GeoRequest, signal?: AbortSignal): Promise<AreaGeoResponse> {
  return apiFetch<AreaGeoResponse>(geoUrl(r), { signal, accept: 'application/geo+json' });
}
