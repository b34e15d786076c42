import { assertInWindow, getChildrenBody, orNotFound, requireCampaign } from '@/lib/api/area-bodies';
import { areaPathSchema, childrenQuerySchema } from '@/lib/api/area-schemas';
import { cachedBody, jsonResponse } from '@/lib/api/body-cache';
import { apiRoute } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

/** GET /api/v1/areas/{code}/children?asOf=&level= — each child area with its metrics. */
export const GET = apiRoute({ params: areaPathSchema, query: childrenQuerySchema }, async ({ db, viewer, params, query }) => {
  const campaign = await requireCampaign(db, viewer.scope);
  const asOf = query.asOf ?? campaign.defaultAsOf;
  assertInWindow(campaign, asOf, 'asOf');
  const { body } = cachedBody(db, campaign, viewer.scope, `children|${params.code}|${asOf}|${query.level ?? ''}`, () =>
    getChildrenBody(db, viewer.scope, campaign, { code: params.code, asOf, level: query.level }),
  );
  return jsonResponse(orNotFound(await body));
});
