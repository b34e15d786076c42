import { describe, expect, it } from 'vitest';
import { checkFollowupCounts, followupTotals, looksLikeIdNumber } from '@/lib/domain/followup';
import { isDriftOutlier, median, prelistDrift, robustZ } from '@/lib/domain/prelist-drift';
import { convertedRefusals, konversiPenolakan, peakOf, refusalChange, refusalWindow, sumRefusals } from '@/lib/domain/refusals';

describe('konversiPenolakan', () => {
  it('counts a refusal converted after two visits: peak 3 then 2, then 1 left', () => {
    const series = [0, 2, 3, 2, 1];
    const point = { menolak: series.at(-1)!, peak: peakOf(series) };
    expect(convertedRefusals(point)).toBe(2);
    expect(konversiPenolakan(sumRefusals([point]))).toBeCloseTo(2 / 3);
  });

  it('sums per sub-SLS so a new refusal in one never hides a conversion in another', () => {
    // A converted 2 of its 2; B went from 0 to 2 new refusals. Area totals: menolak 2 both times,
    // yet 2 refusals were converted.
    const totals = sumRefusals([
      { menolak: 0, peak: 2 },
      { menolak: 2, peak: 2 },
    ]);
    expect(totals).toEqual({ menolak: 2, peak: 4, converted: 2 });
    expect(konversiPenolakan(totals)).toBe(0.5);
  });

  it('is null for an area that never had a refusal', () => {
    expect(konversiPenolakan({ peak: 0, converted: 0 })).toBeNull();
  });

  it('reports the week: converted this week and the change of refusals and not-met', () => {
    const now = { menolak: 4, peak: 10, converted: 6, tidakDitemui: 5 };
    const before = { menolak: 7, peak: 9, converted: 2, tidakDitemui: 8 };
    expect(refusalChange(now, before)).toEqual({
      menolak: 4,
      tidakDitemui: 5,
      menolakChange: -3,
      tidakDitemuiChange: -3,
      convertedThisWeek: 4,
      peak: 10,
      converted: 6,
      konversiPenolakan: 0.6,
    });
  });

  it('compares the as-of date with the day before the 7-day window', () => {
    expect(refusalWindow('2022-11-02')).toEqual({ end: '2022-11-02', before: '2022-10-26' });
  });
});

describe('follow-up rules', () => {
  it('refuses notes that carry a 16-digit number, however it is spaced', () => {
    expect(looksLikeIdNumber('NIK 6471012345678901 menolak')).toBe(true);
    expect(looksLikeIdNumber('6471 0123 4567 8901')).toBe(true);
    expect(looksLikeIdNumber('6471-0123-4567-8901')).toBe(true);
    expect(looksLikeIdNumber('3 keluarga di RT 12 bersedia, 2 minta datang Sabtu')).toBe(false);
    expect(looksLikeIdNumber('kode SLS 64710200020001')).toBe(false);
  });

  it('checks agreed ≤ visited ≤ open and still refusing ≤ visited − agreed', () => {
    expect(checkFollowupCounts({ visited: 3, agreed: 2, stillRefusing: 1 }, 3)).toEqual([]);
    expect(checkFollowupCounts({ visited: 4, agreed: 0, stillRefusing: 0 }, 3)).toEqual([{ field: 'visited', code: 'above_open', open: 3 }]);
    expect(checkFollowupCounts({ visited: 2, agreed: 3, stillRefusing: 0 }, 5).map((p) => p.field)).toContain('agreed');
    expect(checkFollowupCounts({ visited: 3, agreed: 2, stillRefusing: 2 }, 5)).toEqual([{ field: 'stillRefusing', code: 'above_rest' }]);
  });

  it('totals a log', () => {
    expect(followupTotals([{ visited: 3, agreed: 2, stillRefusing: 1 }, { visited: 2, agreed: 0, stillRefusing: 2 }])).toEqual({
      visits: 2,
      visited: 5,
      agreed: 2,
      stillRefusing: 3,
    });
  });
});

describe('prelist drift', () => {
  it('expresses keluarga baru and tidak ditemukan as shares of the prelist', () => {
    expect(prelistDrift({ prelist: 200, keluargaBaru: 10, tidakDitemukan: 30 })).toEqual({ baruShare: 0.05, tidakDitemukanShare: 0.15, drift: 0.2 });
    expect(prelistDrift({ prelist: 0, keluargaBaru: 3, tidakDitemukan: 0 }).drift).toBeNull();
  });

  it('flags a drift far above the kelurahan’s spread (robust z > 3.5), not an ordinary one', () => {
    const drifts = [0.04, 0.05, 0.06, 0.05, 0.07, 0.04, 0.06, 0.45];
    const z = robustZ(drifts);
    expect(z.map(isDriftOutlier)).toEqual([false, false, false, false, false, false, false, true]);
    // 0.07 is the largest ordinary value: well under the threshold.
    expect(z[4]).toBeLessThan(3.5);
  });

  it('gives no score to fewer than four SLS, and scores a lone outlier among equals as Infinity', () => {
    expect(robustZ([0.1, 0.2, 0.9])).toEqual([null, null, null]);
    expect(robustZ([0.1, 0.1, 0.1, 0.1, 0.5])).toEqual([0, 0, 0, 0, Infinity]);
    expect(median([3, 1, 2, 4])).toBe(2.5);
  });
});
