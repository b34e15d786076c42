// Where to put a label or a proportional symbol inside a polygon, and the bounds of a layer.
import type { Geometry, Position } from 'geojson';

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** Signed planar area of a ring (shoelace), in square degrees. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum / 2;
}

function ringCentroid(ring: readonly Position[]): Position {
  let x = 0, y = 0, a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
    a += f;
  }
  if (a === 0) return ring[0];
  return [x / (3 * a), y / (3 * a)];
}

/** The x where each edge of the polygon crosses the horizontal line at latitude y, sorted. */
function crossings(polygon: readonly Position[][], y: number): number[] {
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j], [x2, y2] = ring[i];
      if ((y1 > y) !== (y2 > y)) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
  }
  return xs.sort((a, b) => a - b);
}

/** The midpoint of the widest stretch of the polygon's interior along latitude y, with its width. */
function widestInterior(polygon: readonly Position[][], y: number): { point: Position; width: number } | null {
  const xs = crossings(polygon, y);
  let best: { point: Position; width: number } | null = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = xs[i + 1] - xs[i];
    if (!best || width > best.width) best = { point: [(xs[i] + xs[i + 1]) / 2, y], width };
  }
  return best;
}

function isInside(polygon: readonly Position[][], p: Position): boolean {
  const xs = crossings(polygon, p[1]);
  return xs.filter((x) => x < p[0]).length % 2 === 1;
}

/**
 * A point inside the geometry's largest polygon: its centroid when that lies inside, else
 * the middle of the widest interior stretch on a few latitudes (a crescent's centroid lies
 * outside it). Null for a geometry without polygons.
 */
export function labelPoint(g: Geometry | null): Position | null {
  if (!g) return null;
  const polygons = polygonsOf(g).filter((p) => p.length > 0 && p[0].length >= 4);
  if (polygons.length === 0) return null;
  const largest = polygons.reduce((a, b) => (Math.abs(ringArea(b[0])) > Math.abs(ringArea(a[0])) ? b : a));
  const centroid = ringCentroid(largest[0]);
  if (isInside(largest, centroid)) return centroid;
  const [, south, , north] = boundsOf([{ type: 'Polygon', coordinates: largest }])!;
  const candidates = [centroid[1], ...[0.2, 0.35, 0.5, 0.65, 0.8].map((f) => south + f * (north - south))]
    .map((y) => widestInterior(largest, y))
    .filter((c): c is { point: Position; width: number } => c !== null);
  if (candidates.length === 0) return largest[0][0];
  return candidates.reduce((a, b) => (b.width > a.width ? b : a)).point;
}

/** Bounds of every polygon vertex of the geometries; null when there is none. */
export function boundsOf(geometries: readonly (Geometry | null)[]): Bounds | null {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const g of geometries) {
    if (!g) continue;
    for (const poly of polygonsOf(g)) {
      for (const ring of poly) {
        for (const [x, y] of ring) {
          if (x < west) west = x;
          if (x > east) east = x;
          if (y < south) south = y;
          if (y > north) north = y;
        }
      }
    }
  }
  return west === Infinity ? null : [west, south, east, north];
}
