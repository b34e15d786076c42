import { ApiError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { mayViewImports } from '@/lib/ingest/actor';
import { langQuerySchema, templateParamsSchema } from '@/lib/ingest/api-schemas';
import { templateCsv, templateXlsx } from '@/lib/ingest/templates';

export const dynamic = 'force-dynamic';

const NAMES = { reports: 'laporan-harian', areas: 'wilayah-prelist', officers: 'petugas', assignments: 'penugasan' } as const;

/** GET /api/v1/imports/templates/{kind}.{csv|xlsx} — an empty file with the expected headers. */
export const GET = apiRoute({ params: templateParamsSchema, query: langQuerySchema }, async ({ viewer, locale, params: { file }, query }) => {
  if (!mayViewImports(viewer)) throw new ApiError('not_found');
  const name = `templat-${NAMES[file.kind]}.${file.ext}`;
  const body = file.ext === 'csv' ? templateCsv(file.kind) : new Uint8Array(await templateXlsx(file.kind, query.lang ?? locale));
  const type = file.ext === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"` } });
});
