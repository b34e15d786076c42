import { ApiError } from '@/lib/api/errors';
import { resolveAsOf } from '@/lib/domain/as-of';
import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/assignments?petugas=&asOf= — the sub-SLS visible to the viewer (of one PPL when
 * given), who holds them, their prelist and the values they carry on asOf: what a PPL's
 * phone form and the simulator start from.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(ingestApi, '/api/v1/assignments', { GET: async ({ data, query }) => {
  const campaign = await data.getCampaign();
  if (!campaign) throw new ApiError('not_found');
  // A PPL outside the scope answers like a missing one.
  if (query.petugas && !(await data.getReportablePpl(query.petugas))) throw new ApiError('not_found');
  const asOf = resolveAsOf(campaign, query.asOf);
  const items = await data.listAssignedSubsls({ asOf, officerCode: query.petugas });
  return { asOf, window: { startDate: campaign.startDate, endDate: campaign.endDate, lastReportDate: campaign.lastReportDate }, items };
} });
