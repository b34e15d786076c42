import type { MapLevel } from '@/lib/domain/map-metrics';

export interface GeoRequest {
  code: string;
  level?: MapLevel;
  /** null: the server's default (the latest report date). */
  asOf: string | null;
}

/** Query keys of the map, in one place (also used by the server to hand over the first day). */
export const mapQueryKeys = {
  geo: (r: GeoRequest) => ['areas', r.code, 'geo', r.level ?? null, r.asOf] as const,
};
