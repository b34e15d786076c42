import { ApiError } from '@/lib/api/errors';
import { exportResponse } from '@/lib/api/file-response';
import { buildKelurahanBundle } from '@/lib/export/bundle';
import { implement } from '@/lib/api/route';
import { exportsApi } from '@/lib/api/routes/exports';

export const dynamic = 'force-dynamic';

/** GET /api/v1/exports/bundle/{code}.zip?asOf= — every kelurahan's PDF report under the area, zipped. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(exportsApi, '/api/v1/exports/bundle/{file}', {
  GET: async ({ data, params, query, locale }) => {
    const file = await buildKelurahanBundle(data, { code: params.file.slice(0, -4), asOf: query.asOf, locale });
    if (!file) throw new ApiError('not_found');
    return exportResponse(data, file, { asOf: query.asOf ?? null, kind: 'kelurahan-bundle' });
  },
});
