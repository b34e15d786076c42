import { DEFAULT_MAP_METRIC } from '@/lib/domain/map-metrics';
import type { MapState } from './map-state';

/** The /peta URL of an area in a given map state; defaults are left out to keep links short. */
export function mapHref(code: string, s: Partial<MapState>): string {
  const q = new URLSearchParams({ area: code });
  if (s.metric && s.metric !== DEFAULT_MAP_METRIC) q.set('metric', s.metric);
  if (s.asOf) q.set('asOf', s.asOf);
  if (s.level && s.level !== 'kelurahan') q.set('level', s.level);
  if (s.method === 'quantile') q.set('classes', 'quantile');
  if (s.symbols) q.set('symbols', '1');
  return `/peta?${q.toString()}`;
}
