import { describe, expect, it } from 'vitest';
import { addDays, dateRange, diffDays } from '@/lib/domain/dates';
import { countMetrics, daysLeft, expectedProgres, requiredPace, statusOf, ZERO_COUNTS } from '@/lib/domain/metrics';
import { areaMetrics, dailyPace, finishDate, forecast, pace7, percentile, recentPaces } from '@/lib/domain/pace';

const window = { startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6 };

/** A closed series with a constant pace from the first day of the window. */
function linearSeries(perDay: number, until: string) {
  return new Map(dateRange(window.startDate, until).map((d, i) => [d, perDay * (i + 1)]));
}

describe('count metrics', () => {
  it('applies every formula of DESIGN.md', () => {
    const m = countMetrics({ prelist: 1000, keluargaBaru: 20, selesai: 600, menolak: 30, tidakDitemui: 50, tidakDitemukan: 20 });
    expect(m.universe).toBe(1020);
    expect(m.closed).toBe(620);
    expect(m.progres).toBeCloseTo(620 / 1020);
    expect(m.cakupanSasaranAwal).toBeCloseTo(0.6);
    expect(m.tingkatPenolakan).toBeCloseTo(30 / 630);
    expect(m.nonrespons).toBeCloseTo(80 / 1020);
    expect(m.belumDikunjungi).toBe(1020 - 600 - 30 - 50 - 20);
  });

  it('gives null ratios for an empty area instead of dividing by zero', () => {
    const m = countMetrics(ZERO_COUNTS);
    expect(m).toEqual({ universe: 0, closed: 0, belumDikunjungi: 0, progres: null, cakupanSasaranAwal: null, tingkatPenolakan: null, nonrespons: null });
  });

  it('lets cakupan sasaran awal pass 100 % when new families are enumerated', () => {
    expect(countMetrics({ prelist: 100, keluargaBaru: 10, selesai: 105, menolak: 0, tidakDitemui: 0, tidakDitemukan: 0 }).cakupanSasaranAwal).toBeCloseTo(1.05);
  });
});

describe('window arithmetic', () => {
  it('counts 31 days, with days left excluding the as-of date', () => {
    expect(diffDays(window.endDate, window.startDate) + 1).toBe(31);
    expect(daysLeft(window, '2022-10-15')).toBe(30);
    expect(daysLeft(window, '2022-11-13')).toBe(1);
    expect(daysLeft(window, '2022-11-14')).toBe(0);
    expect(daysLeft(window, '2022-11-20')).toBe(0);
  });

  it('draws the plan line as day index / 31', () => {
    expect(expectedProgres(window, '2022-10-15')).toBeCloseTo(1 / 31);
    expect(expectedProgres(window, '2022-11-02')).toBeCloseTo(19 / 31);
    expect(expectedProgres(window, '2022-11-14')).toBe(1);
    expect(expectedProgres(window, '2022-11-18')).toBe(1);
    expect(expectedProgres(window, '2022-10-01')).toBe(0);
  });

  it('has no required pace once no day is left', () => {
    expect(requiredPace(300, 3)).toBe(100);
    expect(requiredPace(300, 0)).toBeNull();
    expect(requiredPace(-5, 2)).toBe(0);
  });
});

describe('pace', () => {
  it('takes the daily pace as the increase of closed over the day before (zero before the window)', () => {
    const s = linearSeries(10, '2022-10-20');
    expect(dailyPace(s, '2022-10-15')).toBe(10);
    expect(dailyPace(s, '2022-10-20')).toBe(10);
    expect(dailyPace(s, '2022-10-21')).toBe(-60);
  });

  it('averages fewer than 7 paces in the first days and never reaches before the window', () => {
    const s = new Map([
      ['2022-10-15', 5],
      ['2022-10-16', 20],
    ]);
    expect(recentPaces(s, window, '2022-10-16', 7)).toEqual([5, 15]);
    expect(pace7(s, window, '2022-10-16')).toBe(10);
    expect(pace7(new Map(), window, '2022-10-15')).toBe(0);
  });

  it('uses the last 7 paces on later days', () => {
    const s = linearSeries(10, '2022-11-02');
    s.set('2022-11-02', (s.get('2022-11-01') ?? 0) + 80);
    expect(pace7(s, window, '2022-11-02')).toBeCloseTo((6 * 10 + 80) / 7);
  });

  it('shows a correction as a negative pace', () => {
    const s = new Map([
      ['2022-10-20', 100],
      ['2022-10-21', 90],
    ]);
    expect(dailyPace(s, '2022-10-21')).toBe(-10);
  });

  it('interpolates percentiles', () => {
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([0, 10], 0.9)).toBe(9);
  });
});

describe('forecast and status', () => {
  it('projects the finish as asOf + ceil(remaining / pace7)', () => {
    expect(finishDate('2022-11-02', 100, 30)).toBe('2022-11-06');
    expect(finishDate('2022-11-02', 0, 0)).toBe('2022-11-02');
    expect(finishDate('2022-11-02', 100, 0)).toBeNull();
  });

  it('classifies by projected finish against the last day and three days after', () => {
    expect(statusOf(0, '2022-11-02', window)).toBe('selesai');
    expect(statusOf(10, '2022-11-14', window)).toBe('sesuai_jadwal');
    expect(statusOf(10, '2022-11-15', window)).toBe('berisiko');
    expect(statusOf(10, '2022-11-17', window)).toBe('berisiko');
    expect(statusOf(10, '2022-11-18', window)).toBe('tertinggal');
    expect(statusOf(10, null, window)).toBe('tertinggal');
  });

  it('has no projected date with zero pace: belum mulai without a report, tertinggal just after the first, macet once it stalls', () => {
    const f = forecast(new Map(), window, '2022-10-20', 500);
    expect(f.pace7).toBe(0);
    expect(f.projectedFinish).toBeNull();
    expect(f.status).toBe('belum_mulai');
    expect(forecast(new Map(), window, '2022-10-20', 500, { daysSinceFirstReport: 1 }).status).toBe('tertinggal');
    expect(forecast(new Map(), window, '2022-10-20', 500, { daysSinceFirstReport: 3 }).status).toBe('macet');
  });

  it('keeps the range around the projected finish', () => {
    const s = new Map(dateRange('2022-10-15', '2022-11-02').map((d, i) => [d, i * 10 + (i % 2 ? 10 : 0)]));
    const f = forecast(s, window, '2022-11-02', 400);
    expect(f.projectedFinishLow && f.projectedFinish && f.projectedFinishLow <= f.projectedFinish).toBe(true);
    expect(f.projectedFinishHigh === null || (f.projectedFinish !== null && f.projectedFinishHigh >= f.projectedFinish)).toBe(true);
  });

  it('is selesai on the last day once everything is closed, and has no required pace after the window', () => {
    const counts = { prelist: 310, keluargaBaru: 0, selesai: 300, menolak: 0, tidakDitemui: 0, tidakDitemukan: 10 };
    const m = areaMetrics(counts, linearSeries(10, '2022-11-14'), window, '2022-11-14');
    expect(m.progres).toBe(1);
    expect(m.status).toBe('selesai');
    expect(m.requiredPace).toBeNull();
    expect(m.daysLeft).toBe(0);
    const after = areaMetrics({ ...counts, selesai: 200 }, linearSeries(7, '2022-11-16'), window, '2022-11-16');
    expect(after.requiredPace).toBeNull();
    expect(after.status).toBe('tertinggal');
  });

  it('is sesuai jadwal when the city keeps the linear plan', () => {
    const asOf = addDays(window.startDate, 18);
    const m = areaMetrics({ ...ZERO_COUNTS, prelist: 3100, selesai: 1900 }, linearSeries(100, asOf), window, asOf);
    expect(m.pace7).toBe(100);
    expect(m.requiredPace).toBeCloseTo(1200 / 12);
    expect(m.projectedFinish).toBe('2022-11-14');
    expect(m.status).toBe('sesuai_jadwal');
  });
});
