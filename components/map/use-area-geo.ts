'use client';

import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MapWindow } from '@/lib/api/geo-schemas';
import type { MapLevel } from '@/lib/domain/map-metrics';
import type { AreaGeo } from '@/lib/queries/geo';
import { mapQueryKeys, type GeoRequest } from './map-query-keys';

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

async function fetchGeo(r: GeoRequest, signal?: AbortSignal): Promise<AreaGeoResponse> {
  const res = await fetch(geoUrl(r), { signal, headers: { Accept: 'application/geo+json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as AreaGeoResponse;
}

const geoQueryOptions = (r: GeoRequest) => ({
  queryKey: mapQueryKeys.geo(r),
  queryFn: ({ signal }: { signal?: AbortSignal }) => fetchGeo(r, signal),
  // A past as-of date changes only when late reports arrive; the ETag makes a refetch cheap anyway.
  staleTime: 5 * 60_000,
});

/** One day of the map, showing the previous day while the next one loads (no flicker in a replay). */
export function useAreaGeo(r: GeoRequest) {
  return useQuery({ ...geoQueryOptions(r), placeholderData: keepPreviousData });
}

/** Loads the given days into the cache ahead of a replay. */
export function usePrefetchDays(code: string, level: MapLevel | undefined) {
  const client = useQueryClient();
  return useCallback((dates: readonly string[]) => prefetchDays(client, { code, level }, dates), [client, code, level]);
}

function prefetchDays(client: QueryClient, base: Omit<GeoRequest, 'asOf'>, dates: readonly string[]) {
  // The browser runs a handful at a time; each resolves from the cache afterwards.
  for (const asOf of dates) void client.prefetchQuery(geoQueryOptions({ ...base, asOf }));
}
