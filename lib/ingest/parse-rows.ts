// One table row → a typed record of its kind, or every reason it cannot be one.
import { codeLengths } from '@/lib/domain/area-code';
import type { OfficerRole } from '@/lib/domain/types';
import { COLUMNS } from './columns';
import {
  cellText,
  readCount,
  readDate,
  readDigits,
  readOfficerCode,
  readOptionalCount,
  readText,
  type Cell,
  type Read,
  type TableRow,
} from './cells';
import type { ColumnMap } from './headers';
import type { FieldError, ImportKind, RowRejection } from './reasons';
import type { ReportInput } from './report-schema';

export interface AreaInput {
  code: string;
  name: string;
  prelist: number | null;
  kemendagriCode: string | null;
  startDate: string | null;
  endDate: string | null;
  graceDays: number | null;
  timezone: string | null;
  campaignName: string | null;
}

export interface OfficerInput {
  code: string;
  name: string;
  role: OfficerRole;
  supervisorCode: string | null;
  phone: string | null;
  areaCode: string;
}

export interface AssignmentInput {
  kodeSubsls: string;
  kodePetugas: string;
}

export interface KindInput {
  reports: ReportInput;
  areas: AreaInput;
  officers: OfficerInput;
  assignments: AssignmentInput;
}

/** A parsed record with its place in the file. */
export interface Parsed<T> {
  index: number;
  line?: number;
  values: Record<string, string>;
  record: T;
}

const AREA_LENGTHS = codeLengths('kota', 'subsls');
const SUBSLS_LENGTH = codeLengths('subsls');
const SCOPE_LENGTHS = codeLengths('kota', 'kelurahan');
const ROLE_NAMES: Record<string, OfficerRole> = { ppl: 'ppl', pml: 'pml', koseka: 'koseka' };

/** Collects field reads; `errors` holds every failure, named by its column. */
class RowReader {
  readonly errors: FieldError[] = [];
  constructor(private readonly get: (key: string) => Cell) {}

  read<T>(key: string, reader: (cell: Cell) => Read<T>): T {
    const r = reader(this.get(key));
    if (r.ok) return r.value;
    this.errors.push({ field: key, code: r.code, params: { value: cellText(this.get(key)), ...r.params } });
    return undefined as T;
  }
}

function parseReport(r: RowReader): ReportInput {
  return {
    tanggal: r.read('tanggal', readDate),
    kodeSubsls: r.read('kode_subsls', (c) => readDigits(c, SUBSLS_LENGTH)),
    kodePetugas: r.read('kode_petugas', readOfficerCode),
    selesai: r.read('selesai', readCount),
    menolak: r.read('menolak', readCount),
    tidakDitemui: r.read('tidak_ditemui', readCount),
    tidakDitemukan: r.read('tidak_ditemukan', readCount),
    keluargaBaru: r.read('keluarga_baru', readCount),
    catatan: r.read('catatan', (c) => readText(c, 500, false)) ?? undefined,
  };
}

function readOptionalDate(cell: Cell): Read<string | null> {
  return cellText(cell) === '' ? { ok: true, value: null } : readDate(cell);
}

function parseArea(r: RowReader): AreaInput {
  return {
    code: r.read('kode_wilayah', (c) => readDigits(c, AREA_LENGTHS)),
    name: r.read('nama_wilayah', (c) => readText(c, 200, true)) as string,
    prelist: r.read('prelist', readOptionalCount),
    kemendagriCode: r.read('kode_kemendagri', (c) => readText(c, 16, false)),
    startDate: r.read('tanggal_mulai', readOptionalDate),
    endDate: r.read('tanggal_selesai', readOptionalDate),
    graceDays: r.read('hari_tenggang', readOptionalCount),
    timezone: r.read('zona_waktu', (c) => readText(c, 64, false)),
    campaignName: r.read('nama_kegiatan', (c) => readText(c, 200, false)),
  };
}

function readRole(cell: Cell): Read<OfficerRole> {
  const role = ROLE_NAMES[cellText(cell).toLowerCase()];
  if (role) return { ok: true, value: role };
  return cellText(cell) ? { ok: false, code: 'bad_value', params: { allowed: 'PPL, PML, Koseka' } } : { ok: false, code: 'required' };
}

function readOptionalOfficer(cell: Cell): Read<string | null> {
  return cellText(cell) === '' ? { ok: true, value: null } : readOfficerCode(cell);
}

function parseOfficer(r: RowReader): OfficerInput {
  return {
    code: r.read('kode_petugas', readOfficerCode),
    name: r.read('nama_petugas', (c) => readText(c, 200, true)) as string,
    role: r.read('peran', readRole),
    supervisorCode: r.read('kode_pengawas', readOptionalOfficer),
    phone: r.read('no_hp', (c) => readText(c, 32, false)),
    areaCode: r.read('kode_wilayah', (c) => readDigits(c, SCOPE_LENGTHS)),
  };
}

function parseAssignment(r: RowReader): AssignmentInput {
  return {
    kodeSubsls: r.read('kode_subsls', (c) => readDigits(c, SUBSLS_LENGTH)),
    kodePetugas: r.read('kode_petugas', readOfficerCode),
  };
}

const PARSERS: { [K in ImportKind]: (r: RowReader) => KindInput[K] } = {
  reports: parseReport,
  areas: parseArea,
  officers: parseOfficer,
  assignments: parseAssignment,
};

/** The row's cells as text under their canonical column names (for the rejected-rows download). */
export function rowValues(kind: ImportKind, map: ColumnMap, cells: readonly Cell[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const c of COLUMNS[kind]) {
    const i = map.get(c.key);
    if (i !== undefined) values[c.key] = cellText(cells[i] ?? null);
  }
  return values;
}

const RECORD_FIELDS: { [K in ImportKind]: Record<string, keyof KindInput[K]> } = {
  reports: {
    tanggal: 'tanggal',
    kode_subsls: 'kodeSubsls',
    kode_petugas: 'kodePetugas',
    selesai: 'selesai',
    menolak: 'menolak',
    tidak_ditemui: 'tidakDitemui',
    tidak_ditemukan: 'tidakDitemukan',
    keluarga_baru: 'keluargaBaru',
    catatan: 'catatan',
  },
  areas: {
    kode_wilayah: 'code',
    nama_wilayah: 'name',
    prelist: 'prelist',
    kode_kemendagri: 'kemendagriCode',
    tanggal_mulai: 'startDate',
    tanggal_selesai: 'endDate',
    hari_tenggang: 'graceDays',
    zona_waktu: 'timezone',
    nama_kegiatan: 'campaignName',
  },
  officers: { kode_petugas: 'code', nama_petugas: 'name', peran: 'role', kode_pengawas: 'supervisorCode', no_hp: 'phone', kode_wilayah: 'areaCode' },
  assignments: { kode_subsls: 'kodeSubsls', kode_petugas: 'kodePetugas' },
};

/** A parsed record back as text under the file's columns (dates come back as YYYY-MM-DD). */
function recordValues<K extends ImportKind>(kind: K, map: ColumnMap, record: KindInput[K]): Record<string, string> {
  const fields = RECORD_FIELDS[kind] as Record<string, keyof KindInput[K]>;
  const values: Record<string, string> = {};
  for (const c of COLUMNS[kind]) {
    if (!map.has(c.key)) continue;
    const v = record[fields[c.key]];
    values[c.key] = v === null || v === undefined ? '' : String(v);
  }
  return values;
}

/**
 * A valid row of a file. Its text is only needed if a later check refuses it, so it is rebuilt
 * on demand from the record (a prototype getter: no per-row closure), and a large file is not
 * held twice.
 */
class ParsedRow<K extends ImportKind> implements Parsed<KindInput[K]> {
  constructor(
    readonly index: number,
    readonly line: number,
    readonly record: KindInput[K],
    private readonly kind: K,
    private readonly map: ColumnMap,
  ) {}

  get values(): Record<string, string> {
    return recordValues(this.kind, this.map, this.record);
  }
}

export function parseRow<K extends ImportKind>(
  kind: K,
  map: ColumnMap,
  row: TableRow,
  index: number,
): { ok: true; parsed: Parsed<KindInput[K]> } | { ok: false; rejection: RowRejection } {
  const reader = new RowReader((key) => {
    const i = map.get(key);
    return i === undefined ? null : (row.cells[i] ?? null);
  });
  const record = PARSERS[kind](reader);
  if (reader.errors.length) return { ok: false, rejection: { index, line: row.line, values: rowValues(kind, map, row.cells), errors: reader.errors } };
  return { ok: true, parsed: new ParsedRow(index, row.line, record, kind, map) };
}
