// An area page's data: three public endpoints fetched together and cached under one key, so a
// refresh replaces the figures, the table and the charts at once and they always agree.
import type { AreaResponse, ChildrenResponse, DailyResponse } from '@/lib/api/area-schemas';
import type { AreaViewData } from '@/lib/api/area-view';
import type { AreaLevel } from '@/lib/domain/types';
import { apiFetch } from './api-fetch';

export type { AreaViewData };

export interface AreaViewParams {
  code: string;
  asOf: string;
  /** First date of the daily series: the window's first day. */
  from: string;
  level: AreaLevel | null;
}

export function areaViewUrls({ code, asOf, from, level }: AreaViewParams) {
  const base = `/api/v1/areas/${encodeURIComponent(code)}`;
  const q = (params: Record<string, string | null>) =>
    new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== null)).toString();
  return {
    area: `${base}?${q({ asOf })}`,
    children: `${base}/children?${q({ asOf, level })}`,
    daily: `${base}/daily?${q({ from, to: asOf })}`,
  };
}

/** The three bodies; each is revalidated by its ETag, so an unchanged one costs a bodiless 304. */
export async function fetchAreaView(params: AreaViewParams, signal?: AbortSignal): Promise<AreaViewData> {
  const urls = areaViewUrls(params);
  const [area, children, daily] = await Promise.all([
    apiFetch<AreaResponse>(urls.area, { signal }),
    apiFetch<ChildrenResponse>(urls.children, { signal }),
    apiFetch<DailyResponse>(urls.daily, { signal }),
  ]);
  return { area, children, daily };
}
