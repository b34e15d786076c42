import { ApiError } from '@/lib/api/errors';
import { exportResponse } from '@/lib/api/file-response';
import { buildOfficerExport } from '@/lib/export/officer-export';
import { implement } from '@/lib/api/route';
import { exportsApi } from '@/lib/api/routes/exports';

export const dynamic = 'force-dynamic';

/** GET /api/v1/exports/officers/{code}.{csv|xlsx}?asOf=&list=all|silent&delimiter= — the officer lists of /petugas. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(exportsApi, '/api/v1/exports/officers/{file}', {
  GET: async ({ data, params, query, locale }) => {
    const [code, format] = params.file.split('.') as [string, 'csv' | 'xlsx'];
    const file = await buildOfficerExport(data, {
      code,
      format,
      list: query.list,
      asOf: query.asOf,
      delimiter: query.delimiter === 'semicolon' ? ';' : ',',
      locale,
    });
    if (!file) throw new ApiError('not_found');
    return exportResponse(data, file, { asOf: query.asOf ?? null, list: query.list });
  },
});
