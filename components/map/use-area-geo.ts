'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { GeoRequest } from '@/lib/client/geo';
import { geoQuery } from '@/lib/client/queries';
import type { MapLevel } from '@/lib/domain/map-metrics';

export type { AreaGeoResponse } from '@/lib/client/geo';

/** One day of the map, showing the previous day while the next one loads (no flicker in a replay). */
export function useAreaGeo(r: GeoRequest) {
  return useQuery({ ...geoQuery(r), placeholderData: keepPreviousData });
}

/** Loads the given days into the cache ahead of a replay. */
export function usePrefetchDays(code: string, level: MapLevel | undefined) {
  const client = useQueryClient();
  return useCallback(
    (dates: readonly string[]) => {
      // The browser runs a handful at a time; each resolves from the cache afterwards.
      for (const asOf of dates) void client.prefetchQuery(geoQuery({ code, level, asOf }));
    },
    [client, code, level],
  );
}
