import { NextResponse } from 'next/server';
import { answering, bodyChunks, presentCorrection, presentRejection, requestIp } from '@/lib/ingest/http';
import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

/** Rejected rows answered inline; the rest are paged from GET /api/v1/imports/{id}. */
const INLINE_REJECTIONS = 100;

/** GET /api/v1/imports — the imports the viewer may see, newest first. */
const route = implement(ingestApi, '/api/v1/imports', {
  GET: async ({ data, query }) => {
    await data.settleInterruptedImports();
    const { items, total } = await data.listImports(query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  },

  /**
   * POST /api/v1/imports — multipart form with `kind` (reports, areas, officers, assignments;
   * omitted = detected from the headers) and then `file` (CSV or XLSX, at most 20 MB).
   */
  POST: async ({ req, data, locale }) =>
    answering(async () => {
      const length = req.headers.get('content-length');
      const result = await data.importUpload({
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
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
