import { ApiError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { officerPageFor, requireCampaignAsOf } from '@/lib/api/officers-json';
import { officersQuerySchema } from '@/lib/api/officers-schemas';

export const dynamic = 'force-dynamic';

/** GET /api/v1/officers?area=&role=&pml=&status=&flag=&q=&sort=&dir=&page=&pageSize=&asOf= — a page of the officers in scope. */
export const GET = apiRoute({ query: officersQuerySchema }, async ({ db, viewer, locale, query }) => {
  const { campaign, asOf } = await requireCampaignAsOf(db, viewer.scope, query.asOf);
  const page = await officerPageFor(db, viewer.scope, { query, campaign, asOf, locale });
  if (!page) throw new ApiError('not_found');
  return page;
});
