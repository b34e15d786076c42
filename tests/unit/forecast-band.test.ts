import { describe, expect, it } from 'vitest';
import { dateRange } from '@/lib/domain/dates';
import { forecastPath } from '@/lib/domain/forecast-band';

const window = { startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6 };

describe('forecast path', () => {
  it('continues from the as-of date to the last day, capped at the universe, low ≤ expected ≤ high', () => {
    const series = new Map(dateRange('2022-10-15', '2022-11-02').map((d, i) => [d, (i + 1) * 100 + (i % 3) * 20]));
    const closed = series.get('2022-11-02')!;
    const path = forecastPath(series, window, '2022-11-02', closed, 2500, 100);
    expect(path[0].tanggal).toBe('2022-11-03');
    expect(path.at(-1)?.tanggal).toBe('2022-11-14');
    for (const p of path) {
      expect(p.low).toBeLessThanOrEqual(p.high);
      expect(p.high).toBeLessThanOrEqual(2500);
    }
    expect(path.at(-1)?.expected).toBe(2500);
  });

  it('is empty on or after the last day and flat with no pace', () => {
    expect(forecastPath(new Map(), window, '2022-11-14', 0, 10, 0)).toEqual([]);
    const flat = forecastPath(new Map(), window, '2022-11-10', 5, 10, 0);
    expect(flat.map((p) => p.expected)).toEqual([5, 5, 5, 5]);
  });
});
