import { orNotFound } from '@/lib/api/area-bodies';
import { exportResponse } from '@/lib/api/file-response';
import { buildFollowupListFile } from '@/lib/export/followup-export';
import { implement } from '@/lib/api/route';
import { followupsApi } from '@/lib/api/routes/followups';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/areas/{code}/refusals?asOf=&format= — open refusals and not-met by child area and
 * by SLS with their 7-day change and konversiPenolakan ("Tindak lanjut penolakan"); as JSON,
 * CSV, XLSX or the PDF with one page per kelurahan.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(followupsApi, '/api/v1/areas/{code}/refusals', { GET: async ({ data, params, query, asOf, locale }) => {
  const list = orNotFound(await data.getFollowupList({ code: params.code, asOf }));
  const format = query.format ?? 'json';
  if (format === 'json') {
    const { area, sls, ...rest } = list;
    const { kemendagriCode: _k, ...areaRow } = area;
    return { ...rest, area: areaRow, sls: sls.map(({ kelurahan: _c, kelurahanName: _n, ...r }) => r) };
  }
  const file = await buildFollowupListFile(list, format, locale);
  return exportResponse(data, file, { asOf, list: 'tindak-lanjut' });
} });

