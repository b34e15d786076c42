import 'server-only';
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { areaVisible } from '@/lib/db/scope-sql';

export interface Boundary {
  code: string;
  /** GeoJSON Polygon or MultiPolygon geometry (WGS84). */
  geometry: { type: string; coordinates: unknown };
}

/** Boundaries of the given areas that are visible in the scope (the simplified version when there is one). */
export async function listBoundaries(db: Db, scope: Scope, codes: readonly string[]): Promise<Boundary[]> {
  if (codes.length === 0) return [];
  return queryRows<Boundary>(
    db,
    sql`select code, coalesce(simplified, geometry) as geometry from area_boundary
    where kode_kota = ${scope.kodeKota} and code = any(${arrayParam(codes)}::text[]) and ${areaVisible(scope, sql`code`)}
    order by code`,
  );
}
