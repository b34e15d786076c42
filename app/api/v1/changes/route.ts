import { getChangeToken } from '@/lib/queries/changes';
import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/changes?since=<token> — the current data version of the viewer's kab/kota and
 * whether it moved since `since`. Polled by components/use-live-refresh.ts.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(ingestApi, '/api/v1/changes', { GET: async ({ db, viewer, query }) => {
  const token = await getChangeToken(db, viewer.scope);
  return { token, changed: query.since !== undefined && query.since !== token };
} });
