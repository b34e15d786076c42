import { orNotFound } from '@/lib/api/area-bodies';
import { implement } from '@/lib/api/route';
import { followupsApi } from '@/lib/api/routes/followups';

export const dynamic = 'force-dynamic';

/** GET /api/v1/areas/{code}/followups?from=&to= — the follow-ups of the SLS under the area, newest first. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(followupsApi, '/api/v1/areas/{code}/followups', { GET: async ({ data, params, query }) =>
  orNotFound(await data.getFollowupLog({ code: params.code, from: query.from, to: query.to })),
});
