import { ApiError } from '@/lib/api/errors';
import { assertInWindow, getDailyBody, orNotFound, requireCampaign } from '@/lib/api/area-bodies';
import { areaPathSchema, dailyQuerySchema } from '@/lib/api/area-schemas';
import { cachedBody, jsonResponse } from '@/lib/api/body-cache';
import { apiRoute } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

/** GET /api/v1/areas/{code}/daily?from=&to= — one row per date: as-of counts and daily pace. */
export const GET = apiRoute({ params: areaPathSchema, query: dailyQuerySchema }, async ({ db, viewer, params, query }) => {
  const campaign = await requireCampaign(db, viewer.scope);
  const from = query.from ?? campaign.startDate;
  const to = query.to ?? campaign.defaultAsOf;
  assertInWindow(campaign, from, 'from');
  assertInWindow(campaign, to, 'to');
  if (from > to) {
    throw new ApiError('bad_request', { id: 'from tidak boleh setelah to.', en: 'from must not be after to.' }, [{ field: 'from', reason: 'after to' }]);
  }
  const { body } = cachedBody(db, campaign, viewer.scope, `daily|${params.code}|${from}|${to}`, () => getDailyBody(db, viewer.scope, campaign, { code: params.code, from, to }));
  return jsonResponse(orNotFound(await body));
});
