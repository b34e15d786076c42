import { getAreaBody, orNotFound } from '@/lib/api/area-bodies';
import { jsonResponse } from '@/lib/api/body-cache';
import { implement } from '@/lib/api/route';
import { areasApi } from '@/lib/api/routes/areas';

export const dynamic = 'force-dynamic';

/** GET /api/v1/areas/{code}?asOf= — the area, its breadcrumb and its metrics. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(areasApi, '/api/v1/areas/{code}', { GET: async ({ data, params, campaign, asOf }) => {
  const body = data.cachedBody(campaign, params.code, `area|${params.code}|${asOf}`, () => getAreaBody(data, campaign, params.code, asOf));
  return jsonResponse(orNotFound(await body));
} });
