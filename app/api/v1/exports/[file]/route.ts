import { ApiError } from '@/lib/api/errors';
import { exportResponse } from '@/lib/api/file-response';
import { buildAreaExport, type ExportFormat } from '@/lib/export/area-export';
import { implement } from '@/lib/api/route';
import { exportsApi } from '@/lib/api/routes/exports';

export const dynamic = 'force-dynamic';

/** GET /api/v1/exports/{code}.{csv|xlsx|pdf}?asOf=&level=&delimiter= — the area's progress report. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(exportsApi, '/api/v1/exports/{file}', {
  GET: async ({ data, params, query, locale }) => {
    const [code, format] = params.file.split('.') as [string, ExportFormat];
    const file = await buildAreaExport(data, {
      code,
      format,
      asOf: query.asOf,
      level: query.level,
      delimiter: query.delimiter === 'semicolon' ? ';' : ',',
      locale,
    });
    if (!file) throw new ApiError('not_found');
    return exportResponse(data, file, { asOf: query.asOf ?? null, level: query.level ?? null });
  },
});
