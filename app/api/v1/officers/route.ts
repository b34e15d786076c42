import { ApiError } from '@/lib/api/errors';
import { implement } from '@/lib/api/route';
import { officersApi } from '@/lib/api/routes/officers';

export const dynamic = 'force-dynamic';

/** GET /api/v1/officers?area=&role=&pml=&status=&flag=&q=&sort=&dir=&page=&pageSize=&asOf= — a page of the officers in scope. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(officersApi, '/api/v1/officers', { GET: async ({ data, locale, query, campaign, asOf }) => {
  const page = await data.officerPageFor({ query, campaign, asOf, locale });
  if (!page) throw new ApiError('not_found');
  return page;
} });
