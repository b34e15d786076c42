import type { ClassMethod } from '@/lib/domain/classify';
import type { MapLevel, MapMetric } from '@/lib/domain/map-metrics';

/** What a map shows, apart from which area: kept in the URL on /peta, in memory in a panel. */
export interface MapState {
  /** null until known: the server's default as-of date. */
  asOf: string | null;
  metric: MapMetric;
  method: ClassMethod;
  /** Proportional circles of refusals. */
  symbols: boolean;
  /** Polygons of a kota: kecamatan or kelurahan (ignored for lower areas). */
  level: MapLevel;
}
