import { getSearchBody } from '@/lib/api/area-bodies';
import { searchQuerySchema } from '@/lib/api/area-schemas';
import { apiRoute } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

/** GET /api/v1/search?q= — areas in the viewer's scope by name, BPS code or Kemendagri code. */
export const GET = apiRoute({ query: searchQuerySchema }, async ({ db, viewer, query }) => getSearchBody(db, viewer.scope, query.q));
