import { describe, expect, it } from 'vitest';
import { MAP_METRICS, mapMetricKind, mapMetricValue, mapMetricValues, paceGap, tidakDitemuiShare } from '@/lib/domain/map-metrics';
import { mapClasses, METRIC_STYLES, NO_DATA_COLOR } from '@/lib/domain/map-legend';
import { areaMetrics } from '@/lib/domain/pace';
import { STATUS_COLORS } from '@/lib/domain/status-colors';

const window = { startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6 };
const text = { format: (v: number) => `${(v * 100).toFixed(0)} %`, status: (s: string) => `status:${s}`, noData: 'no data' };

describe('map metrics', () => {
  it('takes the tidak ditemui share of the universe, prelist plus new families', () => {
    expect(tidakDitemuiShare({ prelist: 180, keluargaBaru: 20, tidakDitemui: 10 })).toBeCloseTo(0.05);
    expect(tidakDitemuiShare({ prelist: 0, keluargaBaru: 0, tidakDitemui: 0 })).toBeNull();
  });

  it('divides pace7 by the required pace, and gives nothing when no pace is required', () => {
    expect(paceGap(30, 40)).toBeCloseTo(0.75);
    expect(paceGap(0, 40)).toBe(0);
    expect(paceGap(30, 0)).toBeNull();
    expect(paceGap(30, null)).toBeNull();
  });

  it('derives from the same figures as areaMetrics', () => {
    const series = new Map([
      ['2022-10-30', 300],
      ['2022-10-31', 330],
    ]);
    const counts = { prelist: 1000, keluargaBaru: 0, selesai: 320, menolak: 10, tidakDitemui: 40, tidakDitemukan: 10 };
    const m = areaMetrics(counts, series, window, '2022-10-31');
    const derived = mapMetricValues(m, { peak: 20, converted: 5 });
    expect(derived.tidakDitemuiShare).toBeCloseTo(40 / 1000);
    expect(derived.penolakanTerbuka).toBe(10);
    expect(derived.konversiPenolakan).toBe(0.25);
    expect(mapMetricValues(m, { peak: 0, converted: 0 }).konversiPenolakan).toBeNull();
    expect(derived.paceGap).toBeCloseTo(m.pace7 / m.requiredPace!);
    expect(mapMetricValue({ ...m, ...derived }, 'progres')).toBe(m.progres);
    expect(mapMetricValue({ ...m, ...derived }, 'status')).toBe(m.status);
    expect(MAP_METRICS.map(mapMetricKind)).toEqual(['ratio', 'ratio', 'ratio', 'count', 'ratio', 'ratio', 'multiple', 'status']);
  });
});

describe('map classes', () => {
  it('colours progres by its fixed breaks, one legend entry per class, no data last', () => {
    const { legend, entries } = mapClasses('progres', [0.1, 0.55, 1, null], 'fixed', text);
    expect(legend.map((e) => e.label)).toEqual(['< 20 %', '20 % – 40 %', '40 % – 60 %', '60 % – 80 %', '80 % – 100 %', '≥ 100 %', 'no data']);
    expect(legend.slice(0, 6).map((e) => e.color)).toEqual(METRIC_STYLES.progres.palette);
    expect(entries.map((e) => e.key)).toEqual(['0', '2', '5', 'none']);
    expect(entries[3].color).toBe(NO_DATA_COLOR);
  });

  it('leaves "no data" out of the legend when every area has a value', () => {
    expect(mapClasses('tingkatPenolakan', [0.01, 0.04], 'fixed', text).legend.map((e) => e.key)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('colours status with the one status colour of each status', () => {
    const { legend, entries } = mapClasses('status', ['berisiko', 'selesai'], 'fixed', text);
    expect(legend.map((e) => [e.key, e.color])).toEqual(Object.entries(STATUS_COLORS));
    expect(entries.map((e) => e.color)).toEqual([STATUS_COLORS.berisiko, STATUS_COLORS.selesai]);
    expect(entries[0].label).toBe('status:berisiko');
  });

  it('gives every area an entry of the legend, also with quantiles', () => {
    const values = [0.31, 0.42, 0.44, 0.5, 0.52, 0.58, 0.6, 0.61, 0.62, 0.65];
    const { legend, entries } = mapClasses('progres', values, 'quantile', text);
    expect(legend).toHaveLength(6);
    for (const e of entries) expect(legend).toContain(e);
    expect(new Set(entries.map((e) => e.key)).size).toBe(6);
  });

  it('labels a single quantile class by the value range when all values are equal', () => {
    const { legend, entries } = mapClasses('paceGap', [1, 1, null], 'quantile', text);
    expect(legend.map((e) => e.label)).toEqual(['100 %', 'no data']);
    expect(entries.map((e) => e.key)).toEqual(['0', '0', 'none']);
  });
});
