// The figures a map can be coloured by. Two of them are not in metrics.ts because only the
// map shows them; both derive from the same inputs as countMetrics and pace.ts, never from
// anything else.
import { universeOf, ZERO_COUNTS, type AreaCounts } from './metrics';
import type { AreaMetricValues } from './pace';
import { konversiPenolakan, type RefusalTotals } from './refusals';
import type { Status } from './types';

export const MAP_METRICS = [
  'progres',
  'cakupanSasaranAwal',
  'tingkatPenolakan',
  'penolakanTerbuka',
  'konversiPenolakan',
  'tidakDitemuiShare',
  'paceGap',
  'status',
] as const;
export type MapMetric = (typeof MAP_METRICS)[number];
export const DEFAULT_MAP_METRIC: MapMetric = 'progres';

/** Levels a map can draw polygons of (below kelurahan, SLS have no boundary). */
export const MAP_LEVELS = ['kecamatan', 'kelurahan'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/**
 * tidak ditemui share = tidak ditemui / U (U = prelist + keluarga baru): the part of the
 * universe still to be revisited because nobody was met. Null when the universe is empty.
 */
export function tidakDitemuiShare(c: Pick<AreaCounts, 'prelist' | 'keluargaBaru' | 'tidakDitemui'>): number | null {
  const universe = universeOf({ ...ZERO_COUNTS, ...c });
  return universe > 0 ? c.tidakDitemui / universe : null;
}

/**
 * pace gap = pace7 ÷ required pace: 1 means the last week's pace exactly finishes on the last
 * day, below 1 behind, above 1 ahead. Null when no pace is required any more (nothing left,
 * or no day left in the window), because then the ratio means nothing.
 */
export function paceGap(pace7: number, requiredPace: number | null): number | null {
  return requiredPace !== null && requiredPace > 0 ? pace7 / requiredPace : null;
}

/** The map-only figures, next to AreaMetrics in each map feature. */
export interface MapMetricValues {
  tidakDitemuiShare: number | null;
  paceGap: number | null;
  /** Open refusals on the as-of date: menolak itself, as a count (lib/domain/refusals.ts). */
  penolakanTerbuka: number;
  /** konversiPenolakan of lib/domain/refusals.ts; null when the area never had a refusal. */
  konversiPenolakan: number | null;
}

/** The map-only figures of an area's metrics; `refusals` are its sums from the report history. */
export function mapMetricValues(m: AreaMetricValues, refusals: Pick<RefusalTotals, 'peak' | 'converted'>): MapMetricValues {
  return {
    tidakDitemuiShare: tidakDitemuiShare(m),
    paceGap: paceGap(m.pace7, m.requiredPace),
    penolakanTerbuka: m.menolak,
    konversiPenolakan: konversiPenolakan(refusals),
  };
}

/** The value a map colours by: a number (ratio or multiple) or, for status, the status. */
export function mapMetricValue(m: AreaMetricValues & MapMetricValues, metric: MapMetric): number | Status | null {
  return m[metric];
}

/** How a metric's numbers read: a fraction shown as a percentage, or a multiple (×). */
export type MapMetricKind = 'ratio' | 'multiple' | 'count' | 'status';

export function mapMetricKind(metric: MapMetric): MapMetricKind {
  if (metric === 'status') return 'status';
  if (metric === 'penolakanTerbuka') return 'count';
  return metric === 'paceGap' ? 'multiple' : 'ratio';
}
