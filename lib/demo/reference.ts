// Reads the real reference data of the demo city (data/reference/): kecamatan and kelurahan with
// their BPS and Kemendagri codes, names, population shares, partial RT counts and boundaries.
// Everything is keyed on BPS codes; Kemendagri codes are carried along for display and search.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Geometry } from 'geojson';
import { codeAtLevel, levelCodePattern } from '@/lib/domain/area-code';

export const REFERENCE_FILES = {
  wilayah: 'wilayah_balikpapan.csv',
  kelurahanGeo: 'balikpapan_kelurahan.geojson',
  kecamatanGeo: 'balikpapan_kecamatan.geojson',
} as const;

/** Kab/kota names by BPS code (the CSV has none). */
const KOTA_NAMES: Record<string, string> = { '6471': 'Kota Balikpapan' };

export interface RefKecamatan {
  bpsCode: string; // 7 digits
  kemendagriCode: string; // 64.71.05
  name: string;
  populationShare: number;
  geometry: Geometry | null;
}

export interface RefKelurahan {
  bpsCode: string; // 10 digits
  bpsKecamatanCode: string;
  kemendagriCode: string; // 64.71.05.1002
  name: string;
  rtCount: number | null;
  geometry: Geometry | null;
}

export interface ReferenceData {
  kodeKota: string;
  kotaName: string;
  kotaKemendagriCode: string; // 64.71
  kecamatan: RefKecamatan[]; // sorted by BPS code
  kelurahan: RefKelurahan[]; // sorted by BPS code
}

type Row = Record<string, string>;

function requireCode(row: Row, column: string, pattern: RegExp): string {
  const value = (row[column] ?? '').trim();
  if (!pattern.test(value)) throw new Error(`reference: ${column} "${value}" does not match ${pattern}`);
  return value;
}

function optionalInt(value: string | undefined): number | null {
  const v = (value ?? '').trim();
  if (v === '') return null;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Geometries of a FeatureCollection keyed by one property (a BPS code). */
function geometriesBy(path: string, property: string): Map<string, Geometry> {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as {
    features: { properties: Record<string, unknown>; geometry: Geometry | null }[];
  };
  const out = new Map<string, Geometry>();
  for (const f of fc.features) {
    const code = String(f.properties?.[property] ?? '');
    if (code && f.geometry) out.set(code, f.geometry);
  }
  return out;
}

function readRows(dir: string): Row[] {
  const text = readFileSync(join(/*turbopackIgnore: true*/ dir, REFERENCE_FILES.wilayah), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, cast: false }) as Row[];
}

function toKelurahan(row: Row, geo: Map<string, Geometry>): RefKelurahan {
  const bpsCode = requireCode(row, 'bps_kelurahan_code', levelCodePattern('kelurahan'));
  const bpsKecamatanCode = requireCode(row, 'bps_kecamatan_code', levelCodePattern('kecamatan'));
  if (!bpsCode.startsWith(bpsKecamatanCode)) throw new Error(`reference: ${bpsCode} is not in ${bpsKecamatanCode}`);
  return {
    bpsCode,
    bpsKecamatanCode,
    kemendagriCode: requireCode(row, 'kelurahan_code', /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
    name: (row.kelurahan_name ?? '').trim(),
    rtCount: optionalInt(row.rt_count),
    geometry: geo.get(bpsCode) ?? null,
  };
}

function toKecamatan(row: Row, geo: Map<string, Geometry>): RefKecamatan {
  const bpsCode = requireCode(row, 'bps_kecamatan_code', levelCodePattern('kecamatan'));
  const share = Number(row.kec_population_share);
  if (!(share > 0)) throw new Error(`reference: kecamatan ${bpsCode} has no kec_population_share`);
  return {
    bpsCode,
    kemendagriCode: requireCode(row, 'kecamatan_code', /^\d{2}\.\d{2}\.\d{2}$/),
    name: (row.kecamatan_name ?? '').trim(),
    populationShare: share,
    geometry: geo.get(bpsCode) ?? null,
  };
}

/** Loads the reference folder. Throws on a malformed or inconsistent file. */
export function loadReference(dir: string): ReferenceData {
  const rows = readRows(dir);
  const kelGeo = geometriesBy(join(/*turbopackIgnore: true*/ dir, REFERENCE_FILES.kelurahanGeo), 'bps_kelurahan_code');
  const kecGeo = geometriesBy(join(/*turbopackIgnore: true*/ dir, REFERENCE_FILES.kecamatanGeo), 'bps_kecamatan_code');
  const kelurahan = rows.map((r) => toKelurahan(r, kelGeo)).sort((a, b) => a.bpsCode.localeCompare(b.bpsCode));
  const kecamatanByCode = new Map<string, RefKecamatan>();
  for (const r of rows) {
    const k = toKecamatan(r, kecGeo);
    if (!kecamatanByCode.has(k.bpsCode)) kecamatanByCode.set(k.bpsCode, k);
  }
  const kecamatan = [...kecamatanByCode.values()].sort((a, b) => a.bpsCode.localeCompare(b.bpsCode));
  const kodeKotas = new Set(kecamatan.map((k) => codeAtLevel(k.bpsCode, 'kota')));
  if (kelurahan.length === 0 || kodeKotas.size !== 1) throw new Error('reference: expected one kab/kota');
  const kodeKota = [...kodeKotas][0];
  return {
    kodeKota,
    kotaName: KOTA_NAMES[kodeKota] ?? `Kab/Kota ${kodeKota}`,
    kotaKemendagriCode: kelurahan[0].kemendagriCode.slice(0, 5),
    kecamatan,
    kelurahan,
  };
}
