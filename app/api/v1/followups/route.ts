import { requireCampaign } from '@/lib/api/area-bodies';
import { answering, readJsonBody, requestIp } from '@/lib/ingest/http';
import { implement } from '@/lib/api/route';
import { followupsApi } from '@/lib/api/routes/followups';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/followups — records a follow-up visit to an SLS in the writer's scope (lurah,
 * camat, PML, admin), or with `id` a new version of one. Counts only; the note may not hold
 * a 16-digit number. Out of scope answers 404, like a missing SLS.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(followupsApi, '/api/v1/followups', { POST: async ({ req, data, locale }) =>
  answering(async () => {
    const body = await readJsonBody(req, 16 * 1024);
    const campaign = await requireCampaign(data);
    return data.recordFollowup(campaign, body, { locale, ip: requestIp(req) });
  }),
});
