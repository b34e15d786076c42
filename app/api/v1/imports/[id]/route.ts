import { ApiError } from '@/lib/api/errors';
import { presentRejection } from '@/lib/ingest/http';
import { problemMessage } from '@/lib/ingest/reasons';
import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

/** GET /api/v1/imports/{id}?offset=&limit= — the import's record and a page of its rejected rows. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(ingestApi, '/api/v1/imports/{id}', { GET: async ({ data, locale, params, query }) => {
  const who = { id: params.id };
  await data.settleInterruptedImports();
  const job = await data.getImport(who);
  if (!job) throw new ApiError('not_found');
  const rejections = await data.listImportRejections({ ...who, offset: query.offset, limit: query.limit });
  return {
    ...job,
    message: job.problem ? problemMessage(job.problem.code, job.problem.params, locale) : null,
    rejections: rejections.map((r) => presentRejection(r, locale)),
    offset: query.offset,
    limit: query.limit,
  };
} });
