// Area tree of one demo city: kota → kecamatan → kelurahan (real codes, names, shapes) →
// SLS → sub-SLS (modelled), with the prelist families on the sub-SLS.
import type { DemoArea } from './types';
import type { ReferenceData, RefKelurahan } from './reference';
import { type CitySpec, cityCode, cityGeometry, cityKemendagri } from './city';
import { apportion } from './allocate';
import type { Rng } from './prng';

export const FAMILIES_PER_CITY = 240_000;
/** An SLS with more prelist families than this is split into sub-SLS 01, 02, … */
export const SUBSLS_MAX = 400;
const SLS_MIN = 60;
const SLS_MAX = 520;
const SLS_MEAN = 150;

export interface SubslsUnit {
  code: string;
  prelist: number;
  kel: number; // index into CityLayout.kelurahan
}

export interface KelurahanLayout {
  code: string;
  kecCode: string;
  families: number;
  subs: number[]; // indices into CityLayout.subsls, in SLS order
}

export interface CityLayout {
  spec: CitySpec;
  kecamatanCodes: string[];
  kelurahan: KelurahanLayout[];
  subsls: SubslsUnit[];
  areas: DemoArea[];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Relative sizes of kelurahan in one kecamatan: RT counts as a damped hint, log-normal otherwise. Never area. */
function kelurahanWeights(kels: readonly RefKelurahan[], rng: Rng): number[] {
  const known = kels.filter((k) => k.rtCount !== null).map((k) => k.rtCount as number);
  const meanRt = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const noise = (sigma: number) => Math.min(1.7, Math.max(0.55, rng.logNormal(1, sigma)));
  return kels.map((k) => (k.rtCount !== null ? (0.5 * k.rtCount + 0.5 * meanRt) * noise(0.15) : meanRt * noise(0.3)));
}

/** Prelist families per reference kelurahan (same order as ref.kelurahan), summing to `total`. */
function kelurahanFamilies(ref: ReferenceData, total: number, rng: Rng): number[] {
  const kecFamilies = apportion(total, ref.kecamatan.map((k) => k.populationShare), 1);
  const out = new Array<number>(ref.kelurahan.length).fill(0);
  ref.kecamatan.forEach((kec, ki) => {
    const idx = ref.kelurahan.map((k, i) => (k.bpsKecamatanCode === kec.bpsCode ? i : -1)).filter((i) => i >= 0);
    const fams = apportion(kecFamilies[ki], kelurahanWeights(idx.map((i) => ref.kelurahan[i]), rng), 1);
    idx.forEach((i, j) => (out[i] = fams[j]));
  });
  return out;
}

/** Prelist of each SLS of a kelurahan: 60..520, mean about 150, summing to `families`. */
function slsSizes(families: number, rng: Rng): number[] {
  if (families < SLS_MIN) return [families];
  const avg = Math.min(200, Math.max(110, rng.logNormal(SLS_MEAN, 0.1)));
  const n = Math.max(Math.ceil(families / SLS_MAX), Math.min(Math.floor(families / SLS_MIN), Math.round(families / avg)));
  const weights = Array.from({ length: n }, () => rng.logNormal(1, 0.7));
  return apportion(families - n * SLS_MIN, weights, 0, SLS_MAX - SLS_MIN).map((v) => v + SLS_MIN);
}

function area(spec: CitySpec, a: Omit<DemoArea, 'kodeKota'>): DemoArea {
  return { kodeKota: spec.kodeKota, ...a };
}

interface SlsPlan {
  serial: number;
  name: string;
  prelist: number;
}

/** SLS (and their sub-SLS) of one kelurahan: areas, and units appended to `layout`. */
function addSls(layout: CityLayout, kelIndex: number, plans: SlsPlan[], out: { sls: DemoArea[]; sub: DemoArea[] }): void {
  const { spec } = layout;
  const kel = layout.kelurahan[kelIndex];
  for (const p of plans) {
    const slsCode = kel.code + pad(p.serial, 4);
    out.sls.push(area(spec, { code: slsCode, level: 'sls', parentCode: kel.code, name: p.name, kemendagriCode: null, prelist: 0, geometry: null }));
    const parts = p.prelist > SUBSLS_MAX ? apportion(p.prelist, new Array(Math.ceil(p.prelist / SUBSLS_MAX)).fill(1)) : [p.prelist];
    parts.forEach((prelist, k) => {
      const split = parts.length > 1;
      const code = slsCode + (split ? pad(k + 1, 2) : '00');
      const name = split ? `${p.name} bagian ${pad(k + 1, 2)}` : p.name;
      out.sub.push(area(spec, { code, level: 'subsls', parentCode: slsCode, name, kemendagriCode: null, prelist, geometry: null }));
      kel.subs.push(layout.subsls.length);
      layout.subsls.push({ code, prelist, kel: kelIndex });
    });
  }
}

/** SLS plans of a kelurahan: RT 001… and, for some kelurahan, one non-SLS area 1001. */
function slsPlans(families: number, nonSls: number, rng: Rng): SlsPlan[] {
  const plans = slsSizes(families - nonSls, rng).map((prelist, i) => ({ serial: i + 1, name: `RT ${pad(i + 1, 3)}`, prelist }));
  if (nonSls > 0) plans.push({ serial: 1001, name: 'Non-SLS 1001', prelist: nonSls });
  return plans;
}

function upperAreas(ref: ReferenceData, spec: CitySpec): DemoArea[] {
  const suffix = spec.nameSuffix;
  const out: DemoArea[] = [
    area(spec, { code: spec.kodeKota, level: 'kota', parentCode: null, name: spec.name, kemendagriCode: spec.kemendagriPrefix, prelist: 0, geometry: null }),
  ];
  for (const k of ref.kecamatan) {
    out.push(area(spec, {
      code: cityCode(spec, k.bpsCode), level: 'kecamatan', parentCode: spec.kodeKota, name: k.name + suffix,
      kemendagriCode: cityKemendagri(spec, k.kemendagriCode), prelist: 0, geometry: cityGeometry(spec, k.geometry),
    }));
  }
  for (const k of ref.kelurahan) {
    out.push(area(spec, {
      code: cityCode(spec, k.bpsCode), level: 'kelurahan', parentCode: cityCode(spec, k.bpsKecamatanCode), name: k.name + suffix,
      kemendagriCode: cityKemendagri(spec, k.kemendagriCode), prelist: 0, geometry: cityGeometry(spec, k.geometry),
    }));
  }
  return out;
}

/** The whole area tree of one city, prelist summing to FAMILIES_PER_CITY. */
export function buildCityLayout(ref: ReferenceData, spec: CitySpec, rng: Rng): CityLayout {
  const families = kelurahanFamilies(ref, FAMILIES_PER_CITY, rng);
  const layout: CityLayout = {
    spec,
    kecamatanCodes: ref.kecamatan.map((k) => cityCode(spec, k.bpsCode)),
    kelurahan: ref.kelurahan.map((k, i) => ({ code: cityCode(spec, k.bpsCode), kecCode: cityCode(spec, k.bpsKecamatanCode), families: families[i], subs: [] })),
    subsls: [],
    areas: upperAreas(ref, spec),
  };
  const nonSlsKel = new Set(rng.sample(layout.kelurahan.map((_, i) => i), rng.int(3, 5)));
  const out = { sls: [] as DemoArea[], sub: [] as DemoArea[] };
  layout.kelurahan.forEach((kel, i) => {
    const nonSls = nonSlsKel.has(i) ? Math.min(rng.int(25, 90), Math.floor(kel.families / 4)) : 0;
    addSls(layout, i, slsPlans(kel.families, nonSls, rng), out);
  });
  layout.areas.push(...out.sls, ...out.sub);
  return layout;
}
