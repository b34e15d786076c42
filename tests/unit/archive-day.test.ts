import { describe, expect, it } from 'vitest';
import { archiveDayDue, cronOf, localClock } from '@/lib/archive/archive-day';

const campaign = { startDate: '2022-10-15', lastReportDate: '2022-11-20', defaultAsOf: '2022-11-10', timezone: 'Asia/Makassar', archiveTime: '07:00' };
const wita = (local: string) => new Date(`${local}:00+08:00`);

describe('the day the morning archive covers', () => {
  it('reads the clock in WITA, not UTC', () => {
    // 23:30 UTC on 1 Nov is 07:30 on 2 Nov in Balikpapan.
    expect(localClock(new Date('2022-11-01T23:30:00Z'), 'Asia/Makassar')).toEqual({ date: '2022-11-02', time: '07:30' });
  });

  it('is yesterday from 07:00 on, the day before until then', () => {
    expect(archiveDayDue(campaign, wita('2022-11-02T06:59'))).toBe('2022-10-31');
    expect(archiveDayDue(campaign, wita('2022-11-02T07:00'))).toBe('2022-11-01');
    expect(archiveDayDue(campaign, wita('2022-11-02T23:59'))).toBe('2022-11-01');
  });

  it('never passes the latest complete day, nor the last report date', () => {
    expect(archiveDayDue(campaign, wita('2022-11-15T07:00'))).toBe('2022-11-10');
    expect(archiveDayDue({ ...campaign, defaultAsOf: '2022-11-20' }, wita('2023-01-01T08:00'))).toBe('2022-11-20');
  });

  it('has nothing to write before the first day has ended', () => {
    expect(archiveDayDue(campaign, wita('2022-10-15T12:00'))).toBeNull();
    expect(archiveDayDue(campaign, wita('2022-10-16T06:00'))).toBeNull();
    expect(archiveDayDue(campaign, wita('2022-10-16T07:00'))).toBe('2022-10-15');
  });

  it('follows the campaign archive time', () => {
    expect(archiveDayDue({ ...campaign, archiveTime: '05:30' }, wita('2022-11-02T05:30'))).toBe('2022-11-01');
    expect(cronOf('07:00')).toBe('0 7 * * *');
    expect(cronOf('05:30')).toBe('30 5 * * *');
  });
});
