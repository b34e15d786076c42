import { ApiError } from '@/lib/api/errors';
import { jsonResponse } from '@/lib/api/body-cache';
import { mapWindowOf } from '@/lib/api/geo-schemas';
import { implement } from '@/lib/api/route';
import { areasApi } from '@/lib/api/routes/areas';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/areas/{code}/geo?asOf=&metric=&level= — the child areas as a GeoJSON
 * FeatureCollection (simplified boundaries, every area metric in the properties), with an
 * ETag so an unchanged map costs a 304.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(areasApi, '/api/v1/areas/{code}/geo', { GET: async ({ data, params, query, campaign, asOf }) => {
  const cached = data.cachedBody(campaign, params.code, `geo|${params.code}|${asOf}|${query.metric ?? ''}|${query.level ?? ''}`, async () => {
    const geo = await data.getAreaGeo({ code: params.code, asOf, window: campaign, metric: query.metric, level: query.level });
    return geo && { ...geo, window: mapWindowOf(campaign) };
  });
  const body = await cached;
  if (body === null) throw new ApiError('not_found');
  return jsonResponse(body, 'application/geo+json');
} });
