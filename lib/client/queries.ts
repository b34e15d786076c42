// Every TanStack Query key and every query's options in one place: the server's prefetch, the
// client's hooks and the live refresh (./live-refresh.ts) must agree on them.
import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { SearchResponse } from '@/lib/api/area-schemas';
import type { OfficersQuery } from '@/lib/api/officers-schemas';
import type { AreaLevel } from '@/lib/domain/types';
import type { ImportDetail, ImportList } from '@/lib/ingest/api-types';
import type { FollowupLog } from '@/lib/queries/followup-log';
import { apiFetch } from './api-fetch';
import { fetchAreaView, type AreaViewParams } from './area-view';
import { fetchGeo, type GeoRequest } from './geo';

/** How long fetched data counts as fresh. Newer data arrives through the live refresh, not a timer. */
export const REFRESH_MS = 30_000;

/**
 * The keys, grouped by what moves them. Under `figures` is everything computed from the reports
 * and the master data (the area pages, the map layers, the officer list): a new data version of
 * the kab/kota (GET /api/v1/changes) makes all of it stale at once. `imports` moves with an
 * applied import; the follow-up log and the area search move with neither.
 */
export const queryKeys = {
  figures: ['figures'] as const,
  /** An area page: the area, its children (or descendants at `level`) and its daily series as of one date. */
  areaView: (code: string, asOf: string, level: AreaLevel | null) => ['figures', 'area-view', code, asOf, level] as const,
  /** One map layer (also handed over by the server for the first day of /peta). */
  geo: (r: GeoRequest) => ['figures', 'geo', r.code, r.level ?? null, r.asOf] as const,
  officerList: (query: OfficersQuery) => ['figures', 'officers', query] as const,
  imports: ['imports'] as const,
  importList: (page: number, locale: string) => ['imports', 'list', page, locale] as const,
  importDetail: (id: number, locale: string) => ['imports', 'detail', id, locale] as const,
  /** Every follow-up log (what a new follow-up moves). */
  followupLogs: ['followups'] as const,
  /** The follow-up log of an area up to a date. */
  followups: (code: string, to: string) => ['followups', code, to] as const,
  search: (q: string) => ['area-search', q] as const,
};

export const areaViewQuery = (p: AreaViewParams) =>
  queryOptions({ queryKey: queryKeys.areaView(p.code, p.asOf, p.level), queryFn: ({ signal }) => fetchAreaView(p, signal) });

export const geoQuery = (r: GeoRequest) => queryOptions({ queryKey: queryKeys.geo(r), queryFn: ({ signal }) => fetchGeo(r, signal) });

/** The officer list; its URL code (and zod with it) loads with the officer page, not with every page's search box. */
export const officerListQuery = (query: OfficersQuery) =>
  queryOptions({ queryKey: queryKeys.officerList(query), queryFn: async ({ signal }) => (await import('./officers')).fetchOfficerPage(query, signal) });

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: queryKeys.search(q),
    queryFn: ({ signal }) => apiFetch<SearchResponse>(`/api/v1/search?q=${encodeURIComponent(q)}`, { signal }),
    enabled: q.length >= 2,
  });

export const followupsQuery = (code: string, to: string, enabled = true) =>
  queryOptions({
    queryKey: queryKeys.followups(code, to),
    queryFn: ({ signal }) => apiFetch<FollowupLog>(`/api/v1/areas/${code}/followups?${new URLSearchParams({ to })}`, { signal }),
    enabled,
  });

/** One page of the import history, in the page's language (its reasons are sentences). */
export const importListQuery = (page: number, locale: string) =>
  queryOptions({
    queryKey: queryKeys.importList(page, locale),
    queryFn: ({ signal }) => apiFetch<ImportList>(`/api/v1/imports?page=${page}&pageSize=10`, { signal, locale }),
  });

/** An import's rejected rows from `offset` on. */
export function fetchImportDetail(id: number, locale: string, params: { offset?: number; limit: number }, signal?: AbortSignal): Promise<ImportDetail> {
  const q = new URLSearchParams({ ...(params.offset ? { offset: String(params.offset) } : {}), limit: String(params.limit) });
  return apiFetch<ImportDetail>(`/api/v1/imports/${id}?${q}`, { signal, locale });
}

export const importDetailQuery = (id: number | null, locale: string, limit: number) =>
  queryOptions({
    queryKey: queryKeys.importDetail(id ?? 0, locale),
    queryFn: ({ signal }) => fetchImportDetail(id!, locale, { limit }, signal),
    enabled: id !== null,
  });

/**
 * The one QueryClient of a browser tab (app/providers.tsx), with the one set of defaults: data is
 * fresh for REFRESH_MS, a failed request is tried once more, and focus does not refetch (the live
 * refresh checks for new data as soon as a tab is shown, and asks only for what changed).
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: REFRESH_MS, retry: 1, refetchOnWindowFocus: false } } });
}
