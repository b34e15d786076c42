import { orNotFound } from '@/lib/api/area-bodies';
import { areaPathSchema } from '@/lib/api/area-schemas';
import { followupsQuerySchema } from '@/lib/api/followup-schemas';
import { apiRoute } from '@/lib/api/handler';
import { getFollowupLog } from '@/lib/queries/followup-log';

export const dynamic = 'force-dynamic';

/** GET /api/v1/areas/{code}/followups?from=&to= — the follow-ups of the SLS under the area, newest first. */
export const GET = apiRoute({ params: areaPathSchema, query: followupsQuerySchema }, async ({ db, viewer, params, query }) =>
  orNotFound(await getFollowupLog(db, viewer.scope, { code: params.code, from: query.from, to: query.to })),
);
