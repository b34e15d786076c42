// The officer list and the "belum lapor" list of /petugas as CSV or XLSX, from the same scoped
// queries as the page, narrowed to one area the way the page's scope is (home there or working there).
import type { Scope } from '@/lib/domain/scope';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { resolveAsOf } from '@/lib/domain/as-of';
import type { Data } from '@/lib/server/data';
import { levelOfCode } from '@/lib/domain/area-code';
import type { ExportFile } from './area-export';
import { toCsv, type CsvDelimiter } from './csv';
import type { ExportColumn, ExportTable } from './table';
import { toXlsx } from './xlsx';

export type OfficerList = 'all' | 'silent';

export interface OfficerExportRequest {
  code: string;
  format: 'csv' | 'xlsx';
  list: OfficerList;
  asOf?: string;
  delimiter?: CsvDelimiter;
  locale: Locale;
  now?: Date;
}

type T = (key: string, values?: Record<string, string | number>) => string;

/**
 * The whole scope, not narrowed, when the code is the viewer's root: their area, or for a PML or
 * PPL (whose scope has no area of its own) the kab/kota code, which /petugas links with.
 */
const isWholeScope = (scope: Scope, code: string) => (scope.kind === 'area' ? scope.areaCode === code : scope.kodeKota === code);

/** Officers in an area as an area scope sees them: home area inside it, or holding a sub-SLS there. */
async function inArea(data: Data, code: string): Promise<((o: { code: string; areaCode?: string | null; kelurahanCode?: string | null; kecamatanCode?: string | null }) => boolean) | null> {
  if (isWholeScope(data.viewer.scope, code)) return () => true;
  if (!(await data.getArea(code))) return null;
  const level = levelOfCode(code)!;
  const workers = new Set((await data.listAreaOfficers({ code, level })).get(code)?.ppl.map((o) => o.code) ?? []);
  return (o) => workers.has(o.code) || (o.areaCode ?? o.kelurahanCode ?? o.kecamatanCode ?? '').startsWith(code);
}

function column(key: string, kind: ExportColumn['kind'], width: number, t: T): ExportColumn {
  return { key, kind, width, header: t(`columns.${key}`) };
}

/** Builds one officer export in the viewer's scope, or null when the area is not theirs (404). */
export async function buildOfficerExport(data: Data, req: OfficerExportRequest): Promise<ExportFile | null> {
  const campaign = await data.getCampaign();
  if (!campaign) return null;
  const keep = await inArea(data, req.code);
  if (!keep) return null;
  const asOf = resolveAsOf(campaign, req.asOf);
  const t = translator(req.locale, 'officerexport') as unknown as T;
  const to = translator(req.locale, 'officers') as unknown as T;
  const meta = [
    t('meta.asOf', { date: formatDate(asOf, req.locale) }),
    t('meta.generated', { at: formatDateTime(req.now ?? new Date(), req.locale, campaign.timezone, true), by: data.viewer.username }),
  ];
  const params = { asOf, window: campaign };
  let table: ExportTable;
  if (req.list === 'silent') {
    const rows = (await data.listSilentOfficers(params)).filter(keep);
    table = {
      name: t('silentSheet'),
      title: t('silentTitle', { date: formatDate(asOf, req.locale) }),
      meta,
      columns: [
        column('code', 'code', 12, t), column('name', 'text', 24, t), column('phone', 'text', 15, t),
        column('kecamatan', 'text', 18, t), column('kelurahan', 'text', 18, t), column('pml', 'text', 22, t), column('pmlPhone', 'text', 15, t),
        column('lastReport', 'date', 12, t), column('daysSilent', 'int', 8, t), column('status', 'text', 14, t),
      ],
      rows: rows.map((r) => ({
        code: r.code, name: r.name, phone: r.phone, kecamatan: r.kecamatanName, kelurahan: r.kelurahanName, pml: r.supervisorName,
        pmlPhone: r.supervisorPhone, lastReport: r.lastReport, daysSilent: r.daysSilent, status: to(`status.${r.status}`),
      })),
    };
  } else {
    const page = await data.listOfficers({ ...params, sort: 'urgency', pageSize: 1_000_000 });
    const rows = page.rows.filter(keep);
    table = {
      name: t('allSheet'),
      title: t('allTitle', { date: formatDate(asOf, req.locale) }),
      meta,
      columns: [
        column('code', 'code', 12, t), column('name', 'text', 24, t), column('role', 'text', 6, t), column('status', 'text', 14, t),
        column('flags', 'text', 28, t), column('lastReport', 'date', 12, t), column('daysSilent', 'int', 8, t), column('pml', 'text', 22, t),
        column('phone', 'text', 15, t), column('kecamatan', 'text', 18, t), column('kelurahan', 'text', 18, t), column('subsls', 'int', 7, t),
        column('prelist', 'int', 9, t), column('selesai', 'int', 9, t), column('progres', 'pct', 9, t), column('pace7', 'num', 8, t),
        column('requiredPace', 'num', 8, t), column('projectedFinish', 'date', 12, t),
      ],
      rows: rows.map((r) => ({
        code: r.code, name: r.name, role: to(`roles.${r.role}`), status: to(`status.${r.status}`), flags: r.flags.map((f) => to(`flags.${f.id}`)).join('; '),
        lastReport: r.lastReport, daysSilent: r.daysSilent, pml: r.supervisorName, phone: r.phone, kecamatan: r.kecamatanName, kelurahan: r.kelurahanName,
        subsls: r.subslsCount, prelist: r.prelist, selesai: r.selesai, progres: r.progres, pace7: r.pace7, requiredPace: r.requiredPace, projectedFinish: r.projectedFinish,
      })),
    };
  }
  const filename = `pantau-${req.code}-${req.list === 'silent' ? 'belum-lapor' : 'petugas'}-${asOf}.${req.format}`;
  if (req.format === 'csv') return { body: toCsv(table, req.delimiter ?? ','), contentType: 'text/csv; charset=utf-8', filename };
  return { body: await toXlsx([table]), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename };
}
