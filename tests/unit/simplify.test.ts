import { readFileSync } from 'node:fs';
import type { Geometry, Polygon, Position } from 'geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsOf, labelPoint } from '@/lib/geo/label-point';
import { placeLabels } from '@/lib/geo/label-layout';
import { countPositions, douglasPeucker, simplifyBoundaries, simplifyLayer, WEB_MAP_TOLERANCE_M } from '@/lib/geo/simplify';

const M = 1 / 111_320; // one metre in degrees near the equator

/** A wiggly line from (x0, 0) to (x0, 1 km) with `n` vertices that stray up to `amp` metres sideways. */
function wiggle(n: number, amp: number, seed: number, x0 = 0): Position[] {
  return Array.from({ length: n }, (_, i) => [x0 + Math.sin(i * 1.7 + seed) * amp * M, (i / (n - 1)) * 1000 * M]);
}

/** Two squares sharing the wiggly border `border` (walked south to north by the left square). */
function twoSquares(border: Position[]): [Polygon, Polygon] {
  const top = border[border.length - 1], bottom = border[0];
  const left: Position[] = [bottom, ...border.slice(1), [-1000 * M, top[1]], [-1000 * M, bottom[1]], bottom];
  const right: Position[] = [top, ...[...border].reverse().slice(1), [1000 * M, bottom[1]], [1000 * M, top[1]], top];
  return [
    { type: 'Polygon', coordinates: [left] },
    { type: 'Polygon', coordinates: [right] },
  ];
}

const key = (p: Position) => p.join(',');

describe('douglasPeucker', () => {
  it('drops vertices within the tolerance and keeps the ends', () => {
    const line = wiggle(50, 2, 0);
    const out = douglasPeucker(line, 5);
    expect(out).toEqual([line[0], line[49]]);
    expect(douglasPeucker(line, 0.5).length).toBeGreaterThan(10);
  });

  it('keeps every vertex farther than the tolerance from the simplified line', () => {
    const zig: Position[] = [[0, 0], [50 * M, 20 * M], [100 * M, 0]];
    expect(douglasPeucker(zig, 10)).toHaveLength(3);
    expect(douglasPeucker(zig, 30)).toHaveLength(2);
  });
});

describe('simplifyLayer', () => {
  it('keeps a shared border identical on both sides, whatever the wiggle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 200 }), fc.double({ min: 0, max: 40, noNaN: true }), fc.integer({ min: 0, max: 1000 }), fc.double({ min: 1, max: 20, noNaN: true }), (n, amp, seed, tol) => {
        const [a, b] = simplifyLayer(twoSquares(wiggle(n, amp, seed)), { toleranceM: tol, digits: 9 }) as Polygon[];
        const inB = new Set(b.coordinates[0].map(key));
        const shared = a.coordinates[0].filter((p) => inB.has(key(p)));
        const onBorderA = a.coordinates[0].filter((p) => Math.abs(p[0]) < 100 * M);
        const onBorderB = b.coordinates[0].filter((p) => Math.abs(p[0]) < 100 * M);
        expect(new Set(onBorderA.map(key))).toEqual(new Set(onBorderB.map(key)));
        expect(shared.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });

  it('returns closed rings, rounds coordinates and passes nulls through', () => {
    const [a, none] = simplifyLayer([twoSquares(wiggle(30, 10, 1))[0], null], { toleranceM: 3, digits: 5 });
    const ring = (a as Polygon).coordinates[0];
    expect(key(ring[0])).toBe(key(ring[ring.length - 1]));
    expect(ring.every((p) => p.every((c) => Math.abs(c * 1e5 - Math.round(c * 1e5)) < 1e-6))).toBe(true);
    expect(none).toBeNull();
  });

  it('keeps a tiny island that would collapse rather than lose it', () => {
    const island: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2 * M, 0], [2 * M, 2 * M], [0, 2 * M], [0, 0]]] };
    const [out] = simplifyLayer([island], { toleranceM: 50 });
    expect((out as Polygon).coordinates[0].length).toBeGreaterThanOrEqual(4);
  });

  it('shrinks the Balikpapan kelurahan a lot and keeps every one recognisable', () => {
    const layer = JSON.parse(readFileSync('data/reference/balikpapan_kelurahan.geojson', 'utf8')) as { features: { geometry: Geometry }[] };
    const geoms = layer.features.map((f) => f.geometry);
    const out = simplifyBoundaries(geoms.map((geometry) => ({ kodeKota: '6471', level: 'kelurahan', geometry })));
    const before = geoms.reduce((s, g) => s + countPositions(g), 0);
    const after = out.reduce((s, g) => s + countPositions(g), 0);
    expect(after).toBeLessThan(before / 3);
    // A vertex kept on a border between kelurahan is kept by every kelurahan on that border.
    const round = (p: Position) => p.map((c) => Math.round(c * 1e5) / 1e5).join(',');
    const owners = new Map<string, Set<number>>();
    geoms.forEach((g, i) => (g as Polygon).coordinates.flat().forEach((p) => (owners.get(round(p)) ?? owners.set(round(p), new Set()).get(round(p))!).add(i)));
    const kept = out.map((g) => new Set((g as Polygon).coordinates.flat().map(key)));
    kept.forEach((vertices) => {
      for (const v of vertices) for (const owner of owners.get(v) ?? []) expect(kept[owner].has(v)).toBe(true);
    });
    geoms.forEach((g, i) => {
      const [w0, s0, e0, n0] = boundsOf([g])!;
      const [w1, s1, e1, n1] = boundsOf([out[i]])!;
      const slack = 2 * WEB_MAP_TOLERANCE_M * M;
      expect(Math.max(Math.abs(w1 - w0), Math.abs(s1 - s0), Math.abs(e1 - e0), Math.abs(n1 - n0))).toBeLessThan(slack);
    });
  });
});

describe('labelPoint', () => {
  const inside = (poly: Position[], p: Position) => {
    let c = false;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi] = poly[i], [xj, yj] = poly[j];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
    }
    return c;
  };

  it('is the centroid of a convex polygon', () => {
    expect(labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]] })).toEqual([2, 1]);
  });

  it('lies inside a C shape whose centroid does not', () => {
    const c: Position[] = [[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]];
    const p = labelPoint({ type: 'Polygon', coordinates: [c] })!;
    expect(inside(c, p)).toBe(true);
  });

  it('picks the largest polygon of a multipolygon and gives null without polygons', () => {
    const small: Position[] = [[20, 20], [21, 20], [21, 21], [20, 21], [20, 20]];
    const big: Position[] = [[0, 0], [6, 0], [6, 6], [0, 6], [0, 0]];
    expect(labelPoint({ type: 'MultiPolygon', coordinates: [[small], [big]] })).toEqual([3, 3]);
    expect(labelPoint(null)).toBeNull();
    expect(labelPoint({ type: 'Point', coordinates: [1, 1] })).toBeNull();
  });

  it('lies inside every Balikpapan kelurahan', () => {
    const layer = JSON.parse(readFileSync('data/reference/balikpapan_kelurahan.geojson', 'utf8')) as { features: { geometry: Polygon }[] };
    for (const f of layer.features) expect(inside(f.geometry.coordinates[0], labelPoint(f.geometry)!)).toBe(true);
  });
});

describe('placeLabels', () => {
  it('hides a label that would overlap one already shown, in priority order', () => {
    const box = (x: number, y: number) => ({ x, y, width: 60, height: 14 });
    expect(placeLabels([box(0, 0), box(30, 5), box(70, 0), box(0, 20)])).toEqual([true, false, true, true]);
    expect(placeLabels([])).toEqual([]);
  });
});
