import { ApiError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { areaParamsSchema, asOfQuerySchema } from '@/lib/api/schemas';
import { getAreaSummary, listBreadcrumb } from '@/lib/queries/areas';
import { getCampaign } from '@/lib/queries/campaign';

export const dynamic = 'force-dynamic';

/** GET /api/v1/areas/{code}?asOf= — the area, its breadcrumb and its metrics. */
export const GET = apiRoute({ params: areaParamsSchema, query: asOfQuerySchema }, async ({ db, viewer, params, query }) => {
  const campaign = await getCampaign(db, viewer.scope);
  if (!campaign) throw new ApiError('not_found');
  const asOf = query.asOf ?? campaign.defaultAsOf;
  if (asOf < campaign.startDate || asOf > campaign.lastReportDate) {
    throw new ApiError('bad_request', {
      id: `asOf harus di antara ${campaign.startDate} dan ${campaign.lastReportDate}.`,
      en: `asOf must be between ${campaign.startDate} and ${campaign.lastReportDate}.`,
    });
  }
  const [area, breadcrumb] = await Promise.all([
    getAreaSummary(db, viewer.scope, { code: params.code, asOf, window: campaign }),
    listBreadcrumb(db, viewer.scope, params.code),
  ]);
  if (!area) throw new ApiError('not_found');
  return { ...area, breadcrumb };
});
