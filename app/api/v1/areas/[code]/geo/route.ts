import { ApiError } from '@/lib/api/errors';
import { cachedBody, jsonResponse } from '@/lib/api/body-cache';
import { mapWindowOf } from '@/lib/api/geo-schemas';
import { getAreaGeo } from '@/lib/queries/geo';
import { implement } from '@/lib/api/route';
import { areasApi } from '@/lib/api/routes/areas';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/areas/{code}/geo?asOf=&metric=&level= — the child areas as a GeoJSON
 * FeatureCollection (simplified boundaries, every area metric in the properties), with an
 * ETag so an unchanged map costs a 304.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(areasApi, '/api/v1/areas/{code}/geo', { GET: async ({ db, viewer, params, query, campaign, asOf }) => {
  const cached = cachedBody(db, campaign, viewer.scope, `geo|${params.code}|${asOf}|${query.metric ?? ''}|${query.level ?? ''}`, async () => {
    const geo = await getAreaGeo(db, viewer.scope, { code: params.code, asOf, window: campaign, metric: query.metric, level: query.level });
    return geo && { ...geo, window: mapWindowOf(campaign) };
  });
  const body = await cached.body;
  if (body === null) throw new ApiError('not_found');
  return jsonResponse(body, 'application/geo+json');
} });
