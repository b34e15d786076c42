import { getChildrenBody, orNotFound } from '@/lib/api/area-bodies';
import { jsonResponse } from '@/lib/api/body-cache';
import { implement } from '@/lib/api/route';
import { areasApi } from '@/lib/api/routes/areas';

export const dynamic = 'force-dynamic';

/** GET /api/v1/areas/{code}/children?asOf=&level= — each child area with its metrics. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(areasApi, '/api/v1/areas/{code}/children', { GET: async ({ data, params, query, campaign, asOf }) => {
  const body = data.cachedBody(campaign, params.code, `children|${params.code}|${asOf}|${query.level ?? ''}`, () =>
    getChildrenBody(data, campaign, { code: params.code, asOf, level: query.level }),
  );
  return jsonResponse(orNotFound(await body));
} });
