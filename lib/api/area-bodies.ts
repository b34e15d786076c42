// The JSON bodies of the area read API, built once: the route handlers answer with them and the
// area page prefetches them into TanStack Query, so the hydrated cache and a refetch are identical.
import { levelBelowCode } from '@/lib/domain/area-code';
import type { AreaLevel } from '@/lib/domain/types';
import type { Campaign } from '@/lib/queries/campaign';
import type { Data } from '@/lib/server/data';
import { reportingOf } from '@/lib/domain/completeness';
import type { AreaResponse, ChildrenResponse, DailyResponse, SearchResponse } from './area-schemas';
import type { AreaViewData } from './area-view';
import { ApiError } from './errors';

/** The scope's campaign; 404 when none is loaded. */
export async function requireCampaign(data: Data): Promise<Campaign> {
  const campaign = await data.getCampaign();
  if (!campaign) throw new ApiError('not_found');
  return campaign;
}

/** A body, or 404 when the area is not visible (outside the scope answers exactly like missing). */
export function orNotFound<T>(body: T | null): T {
  if (body === null) throw new ApiError('not_found');
  return body;
}

/** A date the client asked for must lie in the window plus grace: 400 otherwise, never a silent clamp. */
export function assertInWindow(campaign: Campaign, date: string, field: string): void {
  if (date >= campaign.startDate && date <= campaign.lastReportDate) return;
  throw new ApiError(
    'bad_request',
    {
      id: `${field} harus di antara ${campaign.startDate} dan ${campaign.lastReportDate}.`,
      en: `${field} must be between ${campaign.startDate} and ${campaign.lastReportDate}.`,
    },
    [{ field, reason: `outside ${campaign.startDate} … ${campaign.lastReportDate}` }],
  );
}

/** GET /areas/{code}: the area, its breadcrumb, its metrics and the as-of date's reporting within the scope; null when not visible. */
export async function getAreaBody(data: Data, campaign: Campaign, code: string, asOf: string): Promise<AreaResponse | null> {
  const [found, day] = await Promise.all([
    data.getAreaWithBreadcrumb({ code, asOf, window: campaign }),
    data.getDayReporting({ areaCode: code, tanggal: asOf, marks: campaign.marks }),
  ]);
  return found ? { ...found.area, breadcrumb: found.breadcrumb, reporting: reportingOf(day, campaign.completeThrough) } : null;
}

/**
 * GET /areas/{code}/children: each child (or each descendant at `level`, at most two levels
 * down) with its metrics; SLS and sub-SLS rows carry the PPL who hold them. Null when not visible.
 */
export async function getChildrenBody(
  data: Data,
  campaign: Campaign,
  params: { code: string; asOf: string; level?: AreaLevel },
): Promise<ChildrenResponse | null> {
  const { code, asOf } = params;
  const next = levelBelowCode(code);
  const allowed = [next, levelBelowCode(code, 2)];
  if (params.level && !allowed.includes(params.level)) {
    throw new ApiError(
      'bad_request',
      { id: 'level harus satu atau dua tingkat di bawah wilayah ini.', en: 'level must be one or two levels below this area.' },
      [{ field: 'level', reason: `one of ${allowed.filter(Boolean).join(', ') || 'none'}` }],
    );
  }
  const level = params.level ?? next;
  const withHolders = level === 'sls' || level === 'subsls';
  const [children, holders] = await Promise.all([
    data.getAreaChildren({ code, asOf, window: campaign, level: params.level }),
    withHolders && level ? data.listAreaHolders({ code, level }) : Promise.resolve(null),
  ]);
  if (!children) return null;
  return {
    code,
    asOf,
    level: level ?? 'subsls',
    children: holders ? children.map((c) => ({ ...c, officers: holders.get(c.code) ?? [] })) : children,
  };
}

/** GET /areas/{code}/daily: one row per date from `from` to `to`; null when not visible. */
export async function getDailyBody(
  data: Data,
  campaign: Campaign,
  params: { code: string; from: string; to: string },
): Promise<DailyResponse | null> {
  const days = await data.listAreaDaily({ ...params, window: campaign });
  return days ? { code: params.code, from: params.from, to: params.to, days } : null;
}

/** GET /search: areas visible in the scope by name, BPS code or Kemendagri code. */
export async function getSearchBody(data: Data, q: string): Promise<SearchResponse> {
  return { q, results: await data.searchAreas(q) };
}

/** The three bodies an area page shows, as the client fetches them (lib/api/area-view.ts); null when not visible. */
export async function getAreaViewBody(
  data: Data,
  campaign: Campaign,
  params: { code: string; asOf: string; level: AreaLevel | null },
): Promise<AreaViewData | null> {
  const { code, asOf, level } = params;
  const [area, children, daily] = await Promise.all([
    getAreaBody(data, campaign, code, asOf),
    getChildrenBody(data, campaign, { code, asOf, level: level ?? undefined }),
    getDailyBody(data, campaign, { code, from: campaign.startDate, to: asOf }),
  ]);
  return area && children && daily ? { area, children, daily } : null;
}
