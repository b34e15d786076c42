import { templateCsv, templateXlsx } from '@/lib/ingest/templates';
import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

const NAMES = { reports: 'laporan-harian', areas: 'wilayah-prelist', officers: 'petugas', assignments: 'penugasan' } as const;

/** GET /api/v1/imports/templates/{kind}.{csv|xlsx} — an empty file with the expected headers. */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(ingestApi, '/api/v1/imports/templates/{file}', { GET: async ({ locale, params: { file }, query }) => {
  const name = `templat-${NAMES[file.kind]}.${file.ext}`;
  const body = file.ext === 'csv' ? templateCsv(file.kind) : new Uint8Array(await templateXlsx(file.kind, query.lang ?? locale));
  const type = file.ext === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"` } });
} });
