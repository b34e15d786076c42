import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/changes?since=<token> — the current data version of the viewer's kab/kota and
 * whether it moved since `since`. Polled by components/use-live-refresh.ts.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(ingestApi, '/api/v1/changes', { GET: async ({ data, query }) => {
  const token = await data.getChangeToken();
  return { token, changed: query.since !== undefined && query.since !== token };
} });
