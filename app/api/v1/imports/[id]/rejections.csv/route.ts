import { ApiError } from '@/lib/api/errors';
import { rejectionsCsv } from '@/lib/ingest/rejections-file';
import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

/** GET /api/v1/imports/{id}/rejections.csv — the rejected rows to fix and upload again. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(ingestApi, '/api/v1/imports/{id}/rejections.csv', { GET: async ({ data, locale, params, query }) => {
  const who = { id: params.id };
  const job = await data.getImport(who);
  if (!job) throw new ApiError('not_found');
  const rows = await data.listImportRejections({ ...who, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const body = rejectionsCsv(job.kind, rows, query.lang ?? locale, query.delimiter === 'semicolon' ? ';' : ',');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ditolak-impor-${job.id}.csv"`,
      'cache-control': 'no-store',
    },
  });
} });
