import { ApiError } from '@/lib/api/errors';
import { getCampaign, resolveAsOf } from '@/lib/queries/campaign';
import { getReportablePpl, listAssignedSubsls } from '@/lib/queries/report-form';
import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/assignments?petugas=&asOf= — the sub-SLS visible to the viewer (of one PPL when
 * given), who holds them, their prelist and the values they carry on asOf: what a PPL's
 * phone form and the simulator start from.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(ingestApi, '/api/v1/assignments', { GET: async ({ db, viewer, query }) => {
  const campaign = await getCampaign(db, viewer.scope);
  if (!campaign) throw new ApiError('not_found');
  // A PPL outside the scope answers like a missing one.
  if (query.petugas && !(await getReportablePpl(db, viewer.scope, query.petugas))) throw new ApiError('not_found');
  const asOf = resolveAsOf(campaign, query.asOf);
  const items = await listAssignedSubsls(db, viewer.scope, { asOf, kodePetugas: query.petugas });
  return { asOf, window: { startDate: campaign.startDate, endDate: campaign.endDate, lastReportDate: campaign.lastReportDate }, items };
} });
