import { assertInWindow, getAreaBody, orNotFound, requireCampaign } from '@/lib/api/area-bodies';
import { areaPathSchema, areaQuerySchema } from '@/lib/api/area-schemas';
import { cachedBody, jsonResponse } from '@/lib/api/body-cache';
import { apiRoute } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

/** GET /api/v1/areas/{code}?asOf= — the area, its breadcrumb and its metrics. */
export const GET = apiRoute({ params: areaPathSchema, query: areaQuerySchema }, async ({ db, viewer, params, query }) => {
  const campaign = await requireCampaign(db, viewer.scope);
  const asOf = query.asOf ?? campaign.defaultAsOf;
  assertInWindow(campaign, asOf, 'asOf');
  const { body } = cachedBody(db, campaign, viewer.scope, `area|${params.code}|${asOf}`, () => getAreaBody(db, viewer.scope, campaign, params.code, asOf));
  return jsonResponse(orNotFound(await body));
});
