import { ApiError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { mayViewImports } from '@/lib/ingest/actor';
import { importDetailQuerySchema, importParamsSchema } from '@/lib/ingest/api-schemas';
import { presentRejection } from '@/lib/ingest/http';
import { settleInterruptedImports } from '@/lib/ingest/import-job';
import { problemMessage } from '@/lib/ingest/reasons';
import { getImport, listImportRejections } from '@/lib/queries/imports';

export const dynamic = 'force-dynamic';

/** GET /api/v1/imports/{id}?offset=&limit= — the import's record and a page of its rejected rows. */
export const GET = apiRoute({ params: importParamsSchema, query: importDetailQuerySchema }, async ({ db, viewer, locale, params, query }) => {
  const who = { username: viewer.username, id: params.id };
  if (mayViewImports(viewer)) await settleInterruptedImports(db);
  const job = mayViewImports(viewer) ? await getImport(db, viewer.scope, who) : null;
  if (!job) throw new ApiError('not_found');
  const rejections = await listImportRejections(db, viewer.scope, { ...who, offset: query.offset, limit: query.limit });
  return {
    ...job,
    message: job.problem ? problemMessage(job.problem.code, job.problem.params, locale) : null,
    rejections: rejections.map((r) => presentRejection(r, locale)),
    offset: query.offset,
    limit: query.limit,
  };
});
