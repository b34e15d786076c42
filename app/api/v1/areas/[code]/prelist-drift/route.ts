import { orNotFound } from '@/lib/api/area-bodies';
import { exportResponse } from '@/lib/api/file-response';
import { DRIFT_Z_THRESHOLD } from '@/lib/domain/prelist-drift';
import { buildDriftFile } from '@/lib/export/followup-export';
import { implement } from '@/lib/api/route';
import { followupsApi } from '@/lib/api/routes/followups';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/areas/{code}/prelist-drift?asOf=&format= — "Rekonsiliasi prelist": each SLS's
 * keluarga baru and tidak ditemukan as shares of its prelist, flagged when far outside its
 * kelurahan's spread. City, kecamatan and kelurahan scopes only (others: 404).
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(followupsApi, '/api/v1/areas/{code}/prelist-drift', { GET: async ({ data, params, query, asOf, locale }) => {
  const rows = orNotFound(await data.listPrelistDrift({ code: params.code, asOf }));
  const format = query.format ?? 'json';
  if (format === 'json') {
    // Infinity (a kelurahan whose other SLS all drift alike) is not JSON: sent as null, still flagged.
    return { code: params.code, asOf, threshold: DRIFT_Z_THRESHOLD, rows: rows.map(({ kelurahan: _k, kelurahanName, ...r }) => ({ ...r, kelurahan: kelurahanName, z: r.z !== null && Number.isFinite(r.z) ? r.z : null })) };
  }
  const file = await buildDriftFile(rows, { code: params.code, asOf }, format, locale);
  return exportResponse(data, file, { asOf, list: 'rekonsiliasi-prelist' });
} });
