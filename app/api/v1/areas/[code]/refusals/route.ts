import { assertInWindow, orNotFound, requireCampaign } from '@/lib/api/area-bodies';
import { areaPathSchema } from '@/lib/api/area-schemas';
import { exportResponse } from '@/lib/api/file-response';
import { refusalsQuerySchema } from '@/lib/api/followup-schemas';
import { apiRoute } from '@/lib/api/handler';
import { buildFollowupListFile } from '@/lib/export/followup-export';
import { getFollowupList } from '@/lib/queries/followup-list';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/areas/{code}/refusals?asOf=&format= — open refusals and not-met by child area and
 * by SLS with their 7-day change and konversiPenolakan ("Tindak lanjut penolakan"); as JSON,
 * CSV, XLSX or the PDF with one page per kelurahan.
 */
export const GET = apiRoute({ params: areaPathSchema, query: refusalsQuerySchema }, async ({ req, db, viewer, params, query, locale }) => {
  const campaign = await requireCampaign(db, viewer.scope);
  const asOf = query.asOf ?? campaign.defaultAsOf;
  assertInWindow(campaign, asOf, 'asOf');
  const list = orNotFound(await getFollowupList(db, viewer.scope, { code: params.code, asOf }));
  const format = query.format ?? 'json';
  if (format === 'json') {
    const { area, sls, ...rest } = list;
    const { kemendagriCode: _k, ...areaRow } = area;
    return { ...rest, area: areaRow, sls: sls.map(({ kelurahan: _c, kelurahanName: _n, ...r }) => r) };
  }
  const file = await buildFollowupListFile(list, format, locale);
  return exportResponse(db, viewer, req, file, { asOf, list: 'tindak-lanjut' });
});

