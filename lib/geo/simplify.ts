// Douglas–Peucker simplification of a layer of adjoining polygons that keeps shared borders
// shared: rings are cut into arcs at the vertices where the set of neighbours changes, and
// each arc is simplified once in a canonical direction, so both sides of a border drop the
// same vertices and no gaps or slivers open between neighbours.
import type { Geometry, Position } from 'geojson';

/** Metres per degree of latitude (and of longitude at the equator). */
const METRES_PER_DEGREE = 111_320;

/** Squared distance in metres from p to the segment a–b, on a local equirectangular plane. */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  const kx = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180) * METRES_PER_DEGREE;
  const ky = METRES_PER_DEGREE;
  const ax = a[0] * kx, ay = a[1] * ky;
  const dx = b[0] * kx - ax, dy = b[1] * ky - ay;
  const px = p[0] * kx - ax, py = p[1] * ky - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
  const ex = px - t * dx, ey = py - t * dy;
  return ex * ex + ey * ey;
}

/** Douglas–Peucker on an open polyline: keeps both ends and every vertex farther than `toleranceM` from the simplified line. */
export function douglasPeucker(points: readonly Position[], toleranceM: number): Position[] {
  const n = points.length;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const tolerance2 = toleranceM * toleranceM;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [start, end] = stack.pop()!;
    let worst = -1, worstIndex = -1;
    for (let i = start + 1; i < end; i++) {
      const d = segmentDistance2(points[i], points[start], points[end]);
      if (d > worst) [worst, worstIndex] = [d, i];
    }
    if (worst > tolerance2) {
      keep[worstIndex] = 1;
      stack.push([start, worstIndex], [worstIndex, end]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

const keyOf = (p: Position) => `${p[0]},${p[1]}`;

/** The ring's vertices without the closing repeat of the first one. */
function openRing(ring: readonly Position[]): Position[] {
  const n = ring.length;
  return n > 1 && keyOf(ring[0]) === keyOf(ring[n - 1]) ? ring.slice(0, n - 1) : ring.slice();
}

/** For every vertex, which rings pass through it, as a comparable signature. */
function vertexSignatures(rings: readonly Position[][]): Map<string, string> {
  const owners = new Map<string, number[]>();
  rings.forEach((ring, r) => {
    for (const p of ring) {
      const list = owners.get(keyOf(p)) ?? owners.set(keyOf(p), []).get(keyOf(p))!;
      if (list[list.length - 1] !== r) list.push(r);
    }
  });
  return new Map([...owners].map(([k, list]) => [k, list.join('|')]));
}

/** Indices where an arc must start or end: the neighbours of the ring change there. */
function fixedIndices(ring: readonly Position[], signatures: Map<string, string>): number[] {
  const n = ring.length;
  const sig = ring.map((p) => signatures.get(keyOf(p))!);
  const fixed = ring.map((_, i) => i).filter((i) => sig[i] !== sig[(i + n - 1) % n] || sig[i] !== sig[(i + 1) % n]);
  if (fixed.length >= 2) return fixed;
  // A ring nobody shares (or touches at one point): anchor it at a vertex and the farthest from it.
  const anchor = fixed[0] ?? 0;
  let far = anchor, best = -1;
  ring.forEach((p, i) => {
    const d = segmentDistance2(p, ring[anchor], ring[anchor]);
    if (d > best) [best, far] = [d, i];
  });
  return far === anchor ? [anchor] : [Math.min(anchor, far), Math.max(anchor, far)];
}

/** Simplifies an arc the same way whichever direction it is walked in. */
function simplifyArc(arc: Position[], toleranceM: number): Position[] {
  const reversed = keyOf(arc[0]) > keyOf(arc[arc.length - 1]);
  const canonical = reversed ? [...arc].reverse() : arc;
  const out = douglasPeucker(canonical, toleranceM);
  return reversed ? out.reverse() : out;
}

function roundPosition(p: Position, digits: number): Position {
  const f = 10 ** digits;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

/** A simplified closed ring, or null when it would collapse below a triangle. */
function simplifyRing(ring: Position[], signatures: Map<string, string>, toleranceM: number, digits: number): Position[] | null {
  const fixed = fixedIndices(ring, signatures);
  const n = ring.length;
  const out: Position[] = [];
  fixed.forEach((from, j) => {
    const to = fixed[(j + 1) % fixed.length];
    const length = ((to - from + n - 1) % n) + 2;
    const arc = Array.from({ length }, (_, k) => ring[(from + k) % n]);
    out.push(...simplifyArc(arc, toleranceM).slice(0, -1));
  });
  const rounded = out.map((p) => roundPosition(p, digits)).filter((p, i, all) => i === 0 || keyOf(p) !== keyOf(all[i - 1]));
  if (rounded.length > 1 && keyOf(rounded[0]) === keyOf(rounded[rounded.length - 1])) rounded.pop();
  return rounded.length >= 3 ? [...rounded, rounded[0]] : null;
}

/** Polygons of a geometry as lists of rings (outer ring first); other geometry types have none. */
function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

export interface SimplifyOptions {
  /** Largest distance in metres a dropped vertex may lie from the simplified border. */
  toleranceM: number;
  /** Decimals kept in the coordinates (5 ≈ 1 m). */
  digits?: number;
}

/**
 * Simplifies the polygons of one layer (the kelurahan of a kota, say) together, so shared
 * borders stay shared. A ring that would collapse keeps its original vertices; other geometry
 * types and nulls pass through unchanged.
 */
export function simplifyLayer(geometries: readonly (Geometry | null)[], options: SimplifyOptions): (Geometry | null)[] {
  const digits = options.digits ?? 5;
  const rings = geometries.flatMap((g) => (g ? polygonsOf(g).flatMap((poly) => poly.map(openRing)) : []));
  const signatures = vertexSignatures(rings);
  const ring = (r: Position[]) => {
    const open = openRing(r);
    return simplifyRing(open, signatures, options.toleranceM, digits) ?? r.map((p) => roundPosition(p, digits));
  };
  return geometries.map((g) => {
    if (g?.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
    if (g?.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
    return g;
  });
}

/**
 * Tolerance of the boundaries served to the web map: about 2 px at street zoom (16), so
 * shapes stay true, while Balikpapan's 34 kelurahan drop from 12,870 to ~3,400 vertices.
 */
export const WEB_MAP_TOLERANCE_M = 5;

/**
 * Web-map versions of the boundaries of many areas, in input order: each layer (one kab/kota's
 * kecamatan, its kelurahan) is simplified on its own so its shared borders stay shared.
 */
export function simplifyBoundaries(areas: readonly { kodeKota: string; level: string; geometry: Geometry | null }[]): (Geometry | null)[] {
  const layers = new Map<string, number[]>();
  areas.forEach((a, i) => {
    const key = `${a.kodeKota}|${a.level}`;
    (layers.get(key) ?? layers.set(key, []).get(key)!).push(i);
  });
  const out: (Geometry | null)[] = areas.map(() => null);
  for (const indices of layers.values()) {
    const simplified = simplifyLayer(indices.map((i) => areas[i].geometry), { toleranceM: WEB_MAP_TOLERANCE_M });
    indices.forEach((i, j) => (out[i] = simplified[j]));
  }
  return out;
}

/** Number of positions in a geometry (for tests and size reports). */
export function countPositions(g: Geometry | null): number {
  return g ? polygonsOf(g).reduce((s, poly) => s + poly.reduce((t, r) => t + r.length, 0), 0) : 0;
}
