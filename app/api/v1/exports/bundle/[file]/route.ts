import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { exportResponse } from '@/lib/api/file-response';
import { apiRoute } from '@/lib/api/handler';
import { asOfQuerySchema } from '@/lib/api/schemas';
import { buildKelurahanBundle } from '@/lib/export/bundle';

export const dynamic = 'force-dynamic';

/** GET /api/v1/exports/bundle/{code}.zip?asOf= — every kelurahan's PDF report under the area, zipped. */
export const GET = apiRoute(
  { params: z.object({ file: z.string().regex(/^\d{4}(\d{3}(\d{3}(\d{4}(\d{2})?)?)?)?\.zip$/) }), query: asOfQuerySchema },
  async ({ db, viewer, params, query, locale, req }) => {
    const file = await buildKelurahanBundle(db, viewer, { code: params.file.slice(0, -4), asOf: query.asOf, locale });
    if (!file) throw new ApiError('not_found');
    return exportResponse(db, viewer, req, file, { asOf: query.asOf ?? null, kind: 'kelurahan-bundle' });
  },
);
