import { NextResponse } from 'next/server';
import { ApiError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { mayViewImports } from '@/lib/ingest/actor';
import { importListQuerySchema } from '@/lib/ingest/api-schemas';
import { answering, bodyChunks, presentCorrection, presentRejection, requestIp } from '@/lib/ingest/http';
import { settleInterruptedImports } from '@/lib/ingest/import-job';
import { importUpload } from '@/lib/ingest/upload';
import { listImports } from '@/lib/queries/imports';

export const dynamic = 'force-dynamic';

/** Rejected rows answered inline; the rest are paged from GET /api/v1/imports/{id}. */
const INLINE_REJECTIONS = 100;

/** GET /api/v1/imports — the imports the viewer may see, newest first. */
export const GET = apiRoute({ query: importListQuerySchema }, async ({ db, viewer, query }) => {
  if (!mayViewImports(viewer)) throw new ApiError('not_found');
  await settleInterruptedImports(db);
  const { items, total } = await listImports(db, viewer.scope, { username: viewer.username, ...query });
  return { items, total, page: query.page, pageSize: query.pageSize };
});

/**
 * POST /api/v1/imports — multipart form with `kind` (reports, areas, officers, assignments;
 * omitted = detected from the headers) and then `file` (CSV or XLSX, at most 20 MB).
 */
export const POST = apiRoute({}, async ({ req, db, viewer, locale }) =>
  answering(async () => {
    const length = req.headers.get('content-length');
    const result = await importUpload(db, viewer, {
      contentType: req.headers.get('content-type'),
      contentLength: length === null ? null : Number(length),
      body: bodyChunks(req.body),
      ip: requestIp(req),
    });
    return NextResponse.json(
      {
        id: result.importId,
        kind: result.kind,
        status: result.status,
        totalRows: result.totalRows,
        accepted: result.accepted,
        replaced: result.replaced,
        unchanged: result.unchanged,
        rejected: result.rejections.length,
        rejections: result.rejections.slice(0, INLINE_REJECTIONS).map((r) => presentRejection(r, locale)),
        corrections: result.corrections.map(presentCorrection),
      },
      { status: 201 },
    );
  }),
);
