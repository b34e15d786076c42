import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateRange } from '@/lib/domain/dates';
import { bandPaces, forecastBand, progressSeries } from '@/lib/domain/forecast-band';
import { forecast } from '@/lib/domain/pace';

const window = { startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6 };

/** Closed series from a list of daily paces starting on the first day of the window. */
function seriesOf(paces: number[]) {
  let closed = 0;
  return new Map(paces.map((p, i) => [addDays(window.startDate, i), (closed += p)]));
}

describe('forecast band', () => {
  it('uses pace7 in the middle and the 10th/90th percentiles of the last 14 paces at the edges', () => {
    // 14 paces 10, 20, …, 140: p10 = 23, p90 = 127; pace7 = mean(80..140) = 110.
    const series = seriesOf(Array.from({ length: 14 }, (_, i) => (i + 1) * 10));
    const asOf = addDays(window.startDate, 13);
    const paces = bandPaces(series, window, asOf);
    expect(paces.expected).toBeCloseTo(110);
    expect(paces.low).toBeCloseTo(23);
    expect(paces.high).toBeCloseTo(127);
  });

  it('starts at closed on asOf, ends on the last day of the window and never passes the universe', () => {
    const series = seriesOf([100, 100, 100]);
    const band = forecastBand(series, window, '2022-10-17', 1000);
    expect(band[0]).toEqual({ tanggal: '2022-10-17', expected: 300, low: 300, high: 300 });
    expect(band.at(-1)?.tanggal).toBe('2022-11-14');
    expect(band[1]).toEqual({ tanggal: '2022-10-18', expected: 400, low: 400, high: 400 });
    expect(band.at(-1)?.expected).toBe(1000);
  });

  it('keeps a band going down from a correction flat instead', () => {
    const series = seriesOf([50, 50, -40, 10]);
    const paces = bandPaces(series, window, '2022-10-18');
    expect(paces.low).toBe(0);
    const band = forecastBand(series, window, '2022-10-18', 10_000);
    expect(band.every((p, i) => i === 0 || p.low >= band[i - 1].low)).toBe(true);
  });

  it('has no band after the last day (grace days): only the actual line runs on', () => {
    const series = seriesOf(Array.from({ length: 33 }, () => 10));
    expect(forecastBand(series, window, '2022-11-16', 1000)).toEqual([]);
    const points = progressSeries(series, window, '2022-11-16', 1000);
    expect(points.at(-1)).toEqual({ tanggal: '2022-11-16', closed: 330, plan: 1000, target: 1000 });
  });

  it('crosses the universe exactly on the projected finish dates of the forecast (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 60 }), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 400 }),
        (paces, extra) => {
          const series = seriesOf(paces);
          const asOf = addDays(window.startDate, paces.length - 1);
          const closed = series.get(asOf) ?? 0;
          const universe = Math.max(closed, 0) + extra;
          const f = forecast(series, window, asOf, universe - closed);
          const band = forecastBand(series, window, asOf, universe);
          const firstAt = (key: 'expected' | 'low' | 'high') => band.find((p) => p[key] >= universe)?.tanggal ?? null;
          const within = (d: string | null) => (d !== null && d <= window.endDate ? d : null);
          expect(firstAt('expected')).toBe(within(f.projectedFinish));
          expect(firstAt('high')).toBe(within(f.projectedFinishLow));
          expect(firstAt('low')).toBe(within(f.projectedFinishHigh));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('forecast on awkward paces', () => {
  it('gives no finish for a pace that is float noise, instead of running the calendar out of range', () => {
    // p10 of these 12 paces interpolates −1 and 9 at 0.1 and lands on 8.9e−16, not 0.
    const series = seriesOf([9, 9, -1, 9, 9, 9, 9, 9, 9, 9, 9, -1]);
    const asOf = addDays(window.startDate, 11);
    const f = forecast(series, window, asOf, 1);
    expect(f.projectedFinish).toBe(addDays(asOf, 1));
    expect(f.projectedFinishHigh).toBeNull();
    expect(forecastBand(series, window, asOf, 89).at(-1)?.low).toBeLessThan(89);
  });
});

describe('progress series', () => {
  it('draws actuals up to asOf, the plan over the whole window and the band from asOf on', () => {
    const series = seriesOf([31, 31, 31, 31, 31]);
    const points = progressSeries(series, window, '2022-10-19', 3100);
    expect(points.map((p) => p.tanggal)).toEqual(dateRange('2022-10-15', '2022-11-14'));
    expect(points[0]).toEqual({ tanggal: '2022-10-15', closed: 31, plan: 100, target: 3100 });
    expect(points[4]).toMatchObject({ closed: 155, expected: 155, band: [155, 155] });
    expect(points[5]).toEqual({ tanggal: '2022-10-20', plan: 600, target: 3100, expected: 186, band: [186, 186] });
    expect(points.at(-1)).toMatchObject({ plan: 3100, target: 3100 });
  });
});
