// Exports of the follow-up feature from the same query results the pages show: the list
// "Tindak lanjut penolakan" (CSV, XLSX, PDF one page per kelurahan) and "Rekonsiliasi prelist"
// (CSV, XLSX). Family counts only.
import { DRIFT_Z_THRESHOLD } from '@/lib/domain/prelist-drift';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import type { FollowupList } from '@/lib/queries/followup-list';
import type { DriftRow } from '@/lib/queries/prelist-drift';
import type { ExportFile } from './area-export';
import { toCsv } from './csv';
import { renderFollowupPdf } from './followup-pdf';
import type { ExportTable } from './table';
import { toXlsx } from './xlsx';

type T = (key: string, values?: Record<string, string | number>) => string;
export const followupT = (locale: Locale) => translator(locale, 'followup') as unknown as T;

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The SLS list as one export table. */
export function followupListTable(list: FollowupList, locale: Locale): ExportTable {
  const t = followupT(locale);
  const c = (key: string) => t(`columns.${key}`);
  return {
    title: `${t('title')} — ${list.area.name}`,
    meta: [t('intro', { date: formatDate(list.asOf, locale) })],
    name: t('title'),
    columns: [
      { key: 'kelurahan', header: c('kelurahan'), kind: 'text', width: 18 },
      { key: 'code', header: c('code'), kind: 'code', width: 16 },
      { key: 'name', header: c('sls'), kind: 'text', width: 14 },
      { key: 'menolak', header: c('menolak'), kind: 'int' },
      { key: 'menolakChange', header: c('menolakChange'), kind: 'int' },
      { key: 'tidakDitemui', header: c('tidakDitemui'), kind: 'int' },
      { key: 'tidakDitemuiChange', header: c('tidakDitemuiChange'), kind: 'int' },
      { key: 'convertedThisWeek', header: c('convertedThisWeek'), kind: 'int' },
      { key: 'konversiPenolakan', header: c('konversiPenolakan'), kind: 'pct' },
      { key: 'ppl', header: c('ppl'), kind: 'text', width: 22 },
      { key: 'pml', header: c('pml'), kind: 'text', width: 22 },
      { key: 'lastFollowup', header: c('lastFollowup'), kind: 'date' },
    ],
    rows: list.sls.map((r) => ({
      kelurahan: r.kelurahanName,
      code: r.code,
      name: r.name,
      menolak: r.menolak,
      menolakChange: r.menolakChange,
      tidakDitemui: r.tidakDitemui,
      tidakDitemuiChange: r.tidakDitemuiChange,
      convertedThisWeek: r.convertedThisWeek,
      konversiPenolakan: r.konversiPenolakan,
      ppl: r.ppl.join(', '),
      pml: r.pml.join(', '),
      lastFollowup: r.lastFollowup,
    })),
  };
}

/** The list as CSV, XLSX or the printable PDF (one page per kelurahan). */
export async function buildFollowupListFile(list: FollowupList, format: 'csv' | 'xlsx' | 'pdf', locale: Locale): Promise<ExportFile> {
  const filename = `pantau-tindak-lanjut-${list.area.code}-${list.asOf}.${format}`;
  const body =
    format === 'csv'
      ? toCsv(followupListTable(list, locale))
      : format === 'xlsx'
        ? await toXlsx([followupListTable(list, locale)])
        : await renderFollowupPdf(list, locale, followupT(locale));
  return { body, contentType: CONTENT_TYPES[format], filename };
}

/** The reconciliation list as one export table. */
export function driftTable(rows: DriftRow[], area: { code: string; asOf: string }, locale: Locale): ExportTable {
  const t = followupT(locale);
  const d = (key: string) => t(`drift.columns.${key}`);
  return {
    title: t('drift.title'),
    meta: [t('drift.intro', { date: formatDate(area.asOf, locale), threshold: DRIFT_Z_THRESHOLD })],
    name: t('drift.title'),
    columns: [
      { key: 'kelurahan', header: t('columns.kelurahan'), kind: 'text', width: 18 },
      { key: 'code', header: t('columns.code'), kind: 'code', width: 16 },
      { key: 'name', header: t('columns.sls'), kind: 'text', width: 14 },
      { key: 'prelist', header: d('prelist'), kind: 'int' },
      { key: 'keluargaBaru', header: d('keluargaBaru'), kind: 'int' },
      { key: 'tidakDitemukan', header: d('tidakDitemukan'), kind: 'int' },
      { key: 'baruShare', header: d('baruShare'), kind: 'pct' },
      { key: 'tidakDitemukanShare', header: d('tidakDitemukanShare'), kind: 'pct' },
      { key: 'drift', header: d('drift'), kind: 'pct' },
      { key: 'z', header: d('z'), kind: 'num' },
      { key: 'flag', header: d('flag'), kind: 'text' },
    ],
    rows: rows.map((r) => ({
      kelurahan: r.kelurahanName,
      code: r.code,
      name: r.name,
      prelist: r.prelist,
      keluargaBaru: r.keluargaBaru,
      tidakDitemukan: r.tidakDitemukan,
      baruShare: r.baruShare,
      tidakDitemukanShare: r.tidakDitemukanShare,
      drift: r.drift,
      z: r.z === null ? null : Number.isFinite(r.z) ? r.z : null,
      flag: r.flagged ? t('drift.flagged') : t('drift.ok'),
    })),
  };
}

export async function buildDriftFile(rows: DriftRow[], area: { code: string; asOf: string }, format: 'csv' | 'xlsx', locale: Locale): Promise<ExportFile> {
  const table = driftTable(rows, area, locale);
  return {
    body: format === 'csv' ? toCsv(table) : await toXlsx([table]),
    contentType: CONTENT_TYPES[format],
    filename: `pantau-rekonsiliasi-prelist-${area.code}-${area.asOf}.${format}`,
  };
}
