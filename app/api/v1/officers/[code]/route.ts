import { ApiError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { officerDetailJson, requireCampaignAsOf } from '@/lib/api/officers-json';
import { officerDetailQuerySchema, officerParamsSchema } from '@/lib/api/officers-schemas';
import { getOfficer } from '@/lib/queries/officers';

export const dynamic = 'force-dynamic';

/** GET /api/v1/officers/{code}?asOf= — the officer, what they hold, their daily series, flags and team. */
export const GET = apiRoute({ params: officerParamsSchema, query: officerDetailQuerySchema }, async ({ db, viewer, locale, params, query }) => {
  const { campaign, asOf } = await requireCampaignAsOf(db, viewer.scope, query.asOf);
  const detail = await getOfficer(db, viewer.scope, { code: params.code, asOf, window: campaign });
  if (!detail) throw new ApiError('not_found');
  return officerDetailJson(detail, locale);
});
