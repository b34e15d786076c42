// The cities of a demo run: city 1 is the real reference city; cities 2..N are synthetic copies
// with fictional kab/kota codes 9901, 9902, … 9999 (scale ≤ 100; kecamatan/kelurahan codes re-prefixed, suffix kept).
import type { Geometry, Position } from 'geojson';
import type { ReferenceData } from './reference';

export interface CitySpec {
  /** 0 for the real city. */
  index: number;
  kodeKota: string;
  name: string;
  kemendagriPrefix: string; // 64.71 or 99.01
  /** Appended to kecamatan/kelurahan names of synthetic cities ('' for the real one). */
  nameSuffix: string;
  /** Degrees added to longitude/latitude of the reference shapes; null = real position. */
  shift: [number, number] | null;
}

export function citySpecs(ref: ReferenceData, scale: number): CitySpec[] {
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) throw new Error(`scale must be an integer 1..100, got ${scale}`);
  const out: CitySpec[] = [
    { index: 0, kodeKota: ref.kodeKota, name: ref.kotaName, kemendagriPrefix: ref.kotaKemendagriCode, nameSuffix: '', shift: null },
  ];
  for (let i = 1; i < scale; i++) {
    const nn = String(i).padStart(2, '0');
    out.push({
      index: i,
      kodeKota: `99${nn}`,
      name: `Kota Contoh ${i + 1}`,
      kemendagriPrefix: `99.${nn}`,
      nameSuffix: ` ${i + 1}`,
      shift: [0.4 * (i % 5), -0.35 * Math.floor(i / 5)],
    });
  }
  return out;
}

/** A reference BPS code moved into the city (same suffix digits). */
export function cityCode(spec: CitySpec, bpsCode: string): string {
  return spec.kodeKota + bpsCode.slice(4);
}

/** A reference Kemendagri code (64.71.05.1002) moved into the city. */
export function cityKemendagri(spec: CitySpec, code: string): string {
  return spec.kemendagriPrefix + code.slice(5);
}

function shiftPositions(coords: unknown, dx: number, dy: number): unknown {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const p = coords as Position;
    return [Math.round((p[0] + dx) * 1e6) / 1e6, Math.round((p[1] + dy) * 1e6) / 1e6, ...p.slice(2)];
  }
  return (coords as unknown[]).map((c) => shiftPositions(c, dx, dy));
}

/** The shape as placed in the city: the reference object itself for the real city, a moved copy otherwise. */
export function cityGeometry(spec: CitySpec, geometry: Geometry | null): Geometry | null {
  if (!geometry || !spec.shift) return geometry;
  if (geometry.type === 'GeometryCollection') return null;
  const [dx, dy] = spec.shift;
  return { ...geometry, coordinates: shiftPositions(geometry.coordinates, dx, dy) } as Geometry;
}
