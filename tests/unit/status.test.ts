import { describe, expect, it } from 'vitest';
import { addDays, dateRange } from '@/lib/domain/dates';
import { presentForecast } from '@/lib/domain/forecast-presentation';
import { officerStatus, officerStatusReason, OFFICER_STATUS_COLORS, OFFICER_STATUSES } from '@/lib/domain/officer-status';
import { forecast } from '@/lib/domain/pace';
import { judgeStatus, stalledDays } from '@/lib/domain/status';
import { STATUS_COLORS } from '@/lib/domain/status-colors';
import { STATUSES } from '@/lib/domain/types';
import { translator } from '@/lib/i18n/messages';
import { forecastText, statusReasonText, type StatusT } from '@/lib/status-text';

const window = { startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6 };

/** Closed by date: `perDay` a day from the first day to `grownUntil`, flat after it up to `until`. */
function series(perDay: number, grownUntil: string, until: string) {
  let closed = 0;
  return new Map(dateRange(window.startDate, until).map((d) => [d, d <= grownUntil ? (closed += perDay) : closed]));
}

describe('stalled days', () => {
  it('counts the days since closed last grew, up to the lookback', () => {
    const s = series(10, '2022-10-28', '2022-11-02');
    expect(stalledDays(s, window, '2022-10-28', 16)).toBe(0);
    expect(stalledDays(s, window, '2022-11-02', 16)).toBe(5);
    expect(stalledDays(s, window, '2022-11-02', 3)).toBe(3);
  });

  it('never counts days before the window', () => {
    expect(stalledDays(new Map(), window, '2022-10-16', 16)).toBe(2);
  });
});

describe('judge status', () => {
  const base = {
    remaining: 100,
    closed: 50,
    daysSinceFirstReport: 10,
    stalledDays: 0,
    projectedFinish: '2022-11-10',
    pace: 12,
    requiredPace: 10,
    plan: 'area' as const,
    window,
  };

  it('is belum mulai only with nothing closed and no report', () => {
    expect(judgeStatus({ ...base, closed: 0, daysSinceFirstReport: null, projectedFinish: null, pace: 0 })).toMatchObject({
      status: 'belum_mulai',
      statusReason: 'belum_ada_laporan',
    });
    // A report of zero closed families is a start: two days later it is still just slow.
    expect(judgeStatus({ ...base, closed: 0, daysSinceFirstReport: 2, stalledDays: 10, projectedFinish: null, pace: 0 }).status).toBe('tertinggal');
  });

  it('is macet after 3 complete days without growth, whatever the schedule says', () => {
    expect(judgeStatus({ ...base, stalledDays: 2 }).status).toBe('sesuai_jadwal');
    const j = judgeStatus({ ...base, stalledDays: 5 });
    expect(j).toMatchObject({ status: 'macet', statusReason: 'tidak_bertambah', statusDetail: { stalledDays: 5 } });
  });

  it('is selesai with nothing left, even after a long quiet', () => {
    expect(judgeStatus({ ...base, remaining: 0, stalledDays: 9 })).toMatchObject({ status: 'selesai', statusReason: 'semua_tertutup' });
  });

  it('names the paces it judged, and whose plan they are', () => {
    expect(judgeStatus(base)).toMatchObject({ status: 'sesuai_jadwal', statusReason: 'laju_cukup', statusDetail: { pace: 12, requiredPace: 10 } });
    expect(judgeStatus({ ...base, projectedFinish: '2022-11-20', pace: 5, requiredPace: 20 }).statusReason).toBe('laju_kurang');
    expect(judgeStatus({ ...base, plan: 'ppl' }).statusReason).toBe('rencana_ppl_cukup');
    expect(judgeStatus({ ...base, plan: 'ppl', projectedFinish: null, pace: 0 }).statusReason).toBe('tanpa_laju');
  });
});

describe('forecast on complete days only', () => {
  it('ignores a partial day after the latest complete day: same pace, finish and status', () => {
    const complete = series(100, '2022-11-01', '2022-11-01');
    const withPartial = new Map(complete).set('2022-11-02', 100 * 18 + 3);
    const before = forecast(complete, window, '2022-11-01', 1000);
    const after = forecast(withPartial, window, '2022-11-02', 997, { completeThrough: '2022-11-01' });
    expect(after.pace7).toBe(before.pace7);
    expect(after.projectedFinish).toBe(before.projectedFinish);
    expect(after.status).toBe(before.status);
    expect(after.requiredPace).toBe(before.requiredPace);
    // Opened as if complete, the three families of one early report would drag pace7 down.
    expect(forecast(withPartial, window, '2022-11-02', 997).pace7).toBeLessThan(before.pace7);
  });

  it('judges an SLS against its PPL plan, not its own straight line', () => {
    const flatButRecent = new Map([
      ['2022-11-01', 0],
      ['2022-11-02', 5],
    ]);
    const own = forecast(flatButRecent, window, '2022-11-02', 95, { daysSinceFirstReport: 0 });
    expect(own.status).toBe('tertinggal');
    const plan = { projectedFinish: '2022-11-12', pace: 30, requiredPace: 25 };
    const judged = forecast(flatButRecent, window, '2022-11-02', 95, { daysSinceFirstReport: 0, plan });
    expect(judged).toMatchObject({ status: 'sesuai_jadwal', statusReason: 'rencana_ppl_cukup', statusDetail: { pace: 30, requiredPace: 25 } });
  });

  it('counts the complete days behind pace7', () => {
    expect(forecast(new Map(), window, '2022-10-16', 10).paceDays).toBe(2);
    expect(forecast(new Map(), window, '2022-11-02', 10).paceDays).toBe(7);
    expect(forecast(new Map(), window, '2022-11-02', 10, { completeThrough: '2022-10-16' }).paceDays).toBe(2);
  });
});

describe('forecast presentation', () => {
  const f = { projectedFinish: '2022-11-10', paceDays: 7, status: 'sesuai_jadwal' as const };
  it('keeps dates inside the window plus grace', () => {
    expect(presentForecast(f, window)).toEqual({ kind: 'date', date: '2022-11-10' });
    expect(presentForecast({ ...f, projectedFinish: '2022-11-20' }, window)).toEqual({ kind: 'date', date: '2022-11-20' });
  });

  it('says how far past the last day a finish beyond the grace lies', () => {
    expect(presentForecast({ ...f, projectedFinish: '2023-06-26', status: 'tertinggal' }, window)).toEqual({
      kind: 'beyond',
      lastDay: '2022-11-14',
      daysOver: 224,
    });
  });

  it('says not enough data from fewer than 3 complete days of pace, but a finished area keeps its day', () => {
    expect(presentForecast({ ...f, paceDays: 2 }, window)).toEqual({ kind: 'insufficient' });
    expect(presentForecast({ ...f, paceDays: 1, status: 'selesai' }, window)).toEqual({ kind: 'date', date: '2022-11-10' });
    expect(presentForecast({ ...f, projectedFinish: null, status: 'tertinggal' }, window)).toEqual({ kind: 'none' });
  });

  it('reads in Indonesian and English', () => {
    const id = translator('id', 'status') as unknown as StatusT;
    const en = translator('en', 'status') as unknown as StatusT;
    const beyond = { ...f, projectedFinish: addDays('2022-11-14', 9), status: 'tertinggal' as const };
    expect(forecastText(beyond, window, id, 'id')).toBe('melewati 14 Nov (±9 hari)');
    expect(forecastText(beyond, window, en, 'en')).toBe('after 14 Nov (±9 days)');
    expect(forecastText({ ...f, paceDays: 1 }, window, id, 'id')).toBe('belum cukup data');
  });
});

describe('status sentences', () => {
  const id = translator('id', 'status') as unknown as StatusT;
  it('quotes the numbers of the judgement', () => {
    expect(statusReasonText({ statusReason: 'belum_ada_laporan' }, id, 'id')).toBe('Belum ada laporan');
    expect(statusReasonText({ statusReason: 'tidak_bertambah', statusDetail: { stalledDays: 5, pace: 0, requiredPace: 3 } }, id, 'id')).toBe(
      'Tidak bertambah 5 hari',
    );
    expect(statusReasonText({ statusReason: 'laju_kurang', statusDetail: { stalledDays: 0, pace: 12, requiredPace: 20 } }, id, 'id')).toBe(
      'Laju 12/hari, perlu 20/hari',
    );
    expect(statusReasonText({ statusReason: 'tidak_lapor', daysSilent: 4 }, id, 'id')).toBe('Tidak lapor 4 hari');
  });
});

describe('one status enum for areas and officers', () => {
  it('gives every status a colour and lets officers share every area status', () => {
    for (const s of STATUSES) {
      expect(STATUS_COLORS[s]).toMatch(/^#[0-9a-f]{6}$/);
      expect(OFFICER_STATUSES).toContain(s);
    }
    for (const s of OFFICER_STATUSES) expect(OFFICER_STATUS_COLORS[s]).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('lets an officer be macet, and says why silence or no report wins', () => {
    const base = { asOf: '2022-11-02', window, lastReport: '2022-11-02' as string | null };
    expect(officerStatus({ ...base, forecastStatus: 'macet' })).toBe('macet');
    expect(officerStatusReason('belum_lapor', 'laju_cukup')).toBe('tidak_lapor');
    expect(officerStatusReason('belum_mulai', 'tanpa_laju')).toBe('belum_ada_laporan');
    expect(officerStatusReason('macet', 'tidak_bertambah')).toBe('tidak_bertambah');
  });
});
