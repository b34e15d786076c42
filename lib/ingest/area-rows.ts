// Checks of an areas file that need no database: levels, where prelist and campaign dates
// belong, time zones, and rows that repeat a code.
import { levelOfCode } from '@/lib/domain/area-code';
import type { AreaInput, Parsed } from './parse-rows';
import { collapseDuplicates } from './duplicates';
import type { FieldError, RowRejection } from './reasons';

export type AreaRow = Parsed<AreaInput>;

const ZONE_ALIASES: Record<string, string> = { wib: 'Asia/Jakarta', wita: 'Asia/Makassar', wit: 'Asia/Jayapura' };
const CAMPAIGN_FIELDS = [
  ['startDate', 'tanggal_mulai'],
  ['endDate', 'tanggal_selesai'],
  ['graceDays', 'hari_tenggang'],
  ['timezone', 'zona_waktu'],
  ['campaignName', 'nama_kegiatan'],
] as const;

/** A sub-SLS row names its SLS; the sub-SLS itself is that name, or "… bagian NN" when split. */
export function subslsName(slsName: string, code: string): string {
  const part = code.slice(14);
  return part === '00' ? slsName : `${slsName} bagian ${part}`;
}

/** An IANA zone from WIB/WITA/WIT or a zone name; null when unknown. */
export function normaliseZone(value: string): string | null {
  const zone = ZONE_ALIASES[value.toLowerCase()] ?? value;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function rowErrors(row: AreaRow, areaCode: string): FieldError[] {
  const a = row.record;
  const errors: FieldError[] = [];
  if (!a.code.startsWith(areaCode)) errors.push({ field: 'kode_wilayah', code: 'outside_scope', params: { value: a.code } });
  if (levelOfCode(a.code) === 'subsls' && a.prelist === null) errors.push({ field: 'prelist', code: 'required', params: { value: '' } });
  if (levelOfCode(a.code) !== 'subsls' && a.prelist) errors.push({ field: 'prelist', code: 'prelist_only_subsls', params: { value: a.prelist } });
  if (levelOfCode(a.code) !== 'kota') {
    for (const [key, column] of CAMPAIGN_FIELDS) {
      if (a[key] !== null) errors.push({ field: column, code: 'campaign_only_kota', params: { value: String(a[key]) } });
    }
    return errors;
  }
  if (a.startDate && a.endDate && a.endDate < a.startDate) {
    errors.push({ field: 'tanggal_selesai', code: 'campaign_window_order', params: { start: a.startDate, end: a.endDate, value: a.endDate } });
  }
  if (a.graceDays !== null && a.graceDays > 60) errors.push({ field: 'hari_tenggang', code: 'too_large', params: { max: 60, value: a.graceDays } });
  if (a.timezone !== null && !normaliseZone(a.timezone)) errors.push({ field: 'zona_waktu', code: 'bad_timezone', params: { value: a.timezone } });
  return errors;
}

/** Rows that pass the file-only checks, each code once, parents first; the rest refused into `rejections`. */
export function screenAreaRows(rows: AreaRow[], areaCode: string, rejections: RowRejection[]): { rows: AreaRow[]; repeats: number } {
  const fine: AreaRow[] = [];
  for (const row of rows) {
    const errors = rowErrors(row, areaCode);
    if (errors.length) rejections.push({ index: row.index, line: row.line, values: row.values, errors });
    else fine.push(row);
  }
  const { rows: kept, repeats } = collapseDuplicates(fine, (a) => a.code, 'kode_wilayah', rejections);
  return { rows: kept.sort((x, y) => x.record.code.length - y.record.code.length || x.index - y.index), repeats };
}
