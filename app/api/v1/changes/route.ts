import { apiRoute } from '@/lib/api/handler';
import { changesQuerySchema } from '@/lib/ingest/api-schemas';
import { getChangeToken } from '@/lib/queries/changes';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/changes?since=<token> — the current data version of the viewer's kab/kota and
 * whether it moved since `since`. Polled by components/use-live-refresh.ts.
 */
export const GET = apiRoute({ query: changesQuerySchema }, async ({ db, viewer, query }) => {
  const token = await getChangeToken(db, viewer.scope);
  return { token, changed: query.since !== undefined && query.since !== token };
});
