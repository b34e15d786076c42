import { ApiError } from '@/lib/api/errors';
import { officerDetailJson } from '@/lib/api/officers-json';
import { getOfficer } from '@/lib/queries/officers';
import { implement } from '@/lib/api/route';
import { officersApi } from '@/lib/api/routes/officers';

export const dynamic = 'force-dynamic';

/** GET /api/v1/officers/{code}?asOf= — the officer, what they hold, their daily series, flags and team. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(officersApi, '/api/v1/officers/{code}', { GET: async ({ db, viewer, locale, params, campaign, asOf }) => {
  const detail = await getOfficer(db, viewer.scope, { code: params.code, asOf, window: campaign });
  if (!detail) throw new ApiError('not_found');
  return officerDetailJson(detail, locale);
} });
