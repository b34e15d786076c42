import { ApiError } from '@/lib/api/errors';
import { cachedBody, jsonResponse } from '@/lib/api/body-cache';
import { geoQuerySchema, mapWindowOf } from '@/lib/api/geo-schemas';
import { apiRoute } from '@/lib/api/handler';
import { areaParamsSchema } from '@/lib/api/schemas';
import { getCampaign } from '@/lib/queries/campaign';
import { getAreaGeo } from '@/lib/queries/geo';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/areas/{code}/geo?asOf=&metric=&level= — the child areas as a GeoJSON
 * FeatureCollection (simplified boundaries, every area metric in the properties), with an
 * ETag so an unchanged map costs a 304.
 */
export const GET = apiRoute({ params: areaParamsSchema, query: geoQuerySchema }, async ({ db, viewer, params, query }) => {
  const campaign = await getCampaign(db, viewer.scope);
  if (!campaign) throw new ApiError('not_found');
  const asOf = query.asOf ?? campaign.defaultAsOf;
  if (asOf < campaign.startDate || asOf > campaign.lastReportDate) {
    throw new ApiError('bad_request', {
      id: `asOf harus di antara ${campaign.startDate} dan ${campaign.lastReportDate}.`,
      en: `asOf must be between ${campaign.startDate} and ${campaign.lastReportDate}.`,
    });
  }
  const cached = cachedBody(db, campaign, viewer.scope, `geo|${params.code}|${asOf}|${query.metric ?? ''}|${query.level ?? ''}`, async () => {
    const geo = await getAreaGeo(db, viewer.scope, { code: params.code, asOf, window: campaign, metric: query.metric, level: query.level });
    return geo && { ...geo, window: mapWindowOf(campaign) };
  });
  const body = await cached.body;
  if (body === null) throw new ApiError('not_found');
  return jsonResponse(body, 'application/geo+json');
});
