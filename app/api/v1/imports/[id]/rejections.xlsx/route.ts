import { ApiError } from '@/lib/api/errors';
import { rejectionsXlsx } from '@/lib/ingest/rejections-file';
import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

/** GET /api/v1/imports/{id}/rejections.xlsx — the rejected rows, code columns kept as text. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(ingestApi, '/api/v1/imports/{id}/rejections.xlsx', { GET: async ({ data, locale, params, query }) => {
  const who = { id: params.id };
  const job = await data.getImport(who);
  if (!job) throw new ApiError('not_found');
  const rows = await data.listImportRejections({ ...who, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const body = await rejectionsXlsx(job.kind, rows, query.lang ?? locale);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="ditolak-impor-${job.id}.xlsx"`,
      'cache-control': 'no-store',
    },
  });
} });
