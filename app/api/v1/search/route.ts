import { getSearchBody } from '@/lib/api/area-bodies';
import { implement } from '@/lib/api/route';
import { searchApi } from '@/lib/api/routes/search';

export const dynamic = 'force-dynamic';

/** GET /api/v1/search?q= — areas in the viewer's scope by name, BPS code or Kemendagri code. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(searchApi, '/api/v1/search', { GET: async ({ data, query }) => getSearchBody(data, query.q) });
