import { getDailyBody, orNotFound } from '@/lib/api/area-bodies';
import { jsonResponse } from '@/lib/api/body-cache';
import { implement } from '@/lib/api/route';
import { areasApi } from '@/lib/api/routes/areas';

export const dynamic = 'force-dynamic';

/** GET /api/v1/areas/{code}/daily?from=&to= — one row per date: as-of counts and daily pace. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(areasApi, '/api/v1/areas/{code}/daily', { GET: async ({ data, params, campaign, from, to }) => {
  const body = data.cachedBody(campaign, params.code, `daily|${params.code}|${from}|${to}`, () => getDailyBody(data, campaign, { code: params.code, from, to }));
  return jsonResponse(orNotFound(await body));
} });
