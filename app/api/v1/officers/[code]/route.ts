import { ApiError } from '@/lib/api/errors';
import { officerDetailJson } from '@/lib/api/officers-json';
import { implement } from '@/lib/api/route';
import { officersApi } from '@/lib/api/routes/officers';

export const dynamic = 'force-dynamic';

/** GET /api/v1/officers/{code}?asOf= — the officer, what they hold, their daily series, flags and team. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(officersApi, '/api/v1/officers/{code}', { GET: async ({ data, locale, params, campaign, asOf }) => {
  const detail = await data.getOfficer({ code: params.code, asOf, window: campaign });
  if (!detail) throw new ApiError('not_found');
  return officerDetailJson(detail, locale);
} });
