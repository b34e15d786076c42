import { describe, expect, it } from 'vitest';
import { latestCompleteDay, reachesThreshold, reportingOf, type DayReporting } from '@/lib/domain/completeness';

const day = (tanggal: string, reported: number, expected = 883): DayReporting => ({ tanggal, reported, expected });

describe('complete days', () => {
  const week = [day('2022-10-29', 850), day('2022-10-30', 860), day('2022-10-31', 870), day('2022-11-01', 845), day('2022-11-02', 820)];

  it('one early report for the next day never moves the latest complete day', () => {
    expect(latestCompleteDay(week, 0.8)).toBe('2022-11-02');
    expect(latestCompleteDay([...week, day('2022-11-03', 1)], 0.8)).toBe('2022-11-02');
    expect(reportingOf(day('2022-11-03', 1), '2022-11-02')).toEqual({ tanggal: '2022-11-03', reported: 1, expected: 883, complete: false });
  });

  it('a normal evening of reports (at the threshold) makes the day complete', () => {
    expect(latestCompleteDay([...week, day('2022-11-03', 707)], 0.8)).toBe('2022-11-03');
    expect(latestCompleteDay([...week, day('2022-11-03', 706)], 0.8)).toBe('2022-11-02');
    expect(latestCompleteDay([...week, day('2022-11-03', 600)], 0.6)).toBe('2022-11-03');
  });

  it('a quiet Sunday does not hide the week: complete once the Monday after it is', () => {
    const sunday = day('2022-11-06', 440);
    expect(latestCompleteDay([...week, day('2022-11-05', 860), sunday], 0.8)).toBe('2022-11-05');
    const withMonday = [...week, day('2022-11-05', 860), sunday, day('2022-11-07', 850)];
    expect(latestCompleteDay(withMonday, 0.8)).toBe('2022-11-07');
    expect(reportingOf(sunday, '2022-11-07').complete).toBe(true);
  });

  it('needs someone to be expected, and with nobody expected anywhere takes the fallback', () => {
    expect(reachesThreshold(day('2022-11-03', 0, 0), 0.8)).toBe(false);
    expect(latestCompleteDay([day('2022-11-02', 0, 0)], 0.8, '2022-11-02')).toBe('2022-11-02');
    expect(latestCompleteDay([day('2022-11-02', 0, 10), day('2022-11-03', 0, 0)], 0.8, '2022-11-03')).toBeNull();
  });
});
