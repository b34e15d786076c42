import { describe, expect, it } from 'vitest';
import { daysSilent, officerStatus, OFFICER_STATUS_COLORS, OFFICER_STATUSES } from '@/lib/domain/officer-status';

const window = { startDate: '2022-10-15' };
const asOf = '2022-11-02';

describe('days silent', () => {
  it('is 0 when the officer reported on the as-of date and counts whole days since the last report', () => {
    expect(daysSilent('2022-11-02', asOf, window)).toBe(0);
    expect(daysSilent('2022-11-01', asOf, window)).toBe(1);
    expect(daysSilent('2022-10-28', asOf, window)).toBe(5);
  });

  it('counts the fieldwork days so far for an officer who never reported', () => {
    expect(daysSilent(null, '2022-10-15', window)).toBe(1);
    expect(daysSilent(null, asOf, window)).toBe(19);
  });
});

describe('officer status', () => {
  const base = { asOf, window, lastReport: '2022-11-02' as string | null };

  it('keeps the forecast status of an officer who reports', () => {
    for (const s of ['sesuai_jadwal', 'berisiko', 'tertinggal'] as const) {
      expect(officerStatus({ ...base, forecastStatus: s })).toBe(s);
    }
  });

  it('turns belum lapor on the second day without a report, not the first', () => {
    expect(officerStatus({ ...base, forecastStatus: 'sesuai_jadwal', lastReport: '2022-11-01' })).toBe('sesuai_jadwal');
    expect(officerStatus({ ...base, forecastStatus: 'sesuai_jadwal', lastReport: '2022-10-31' })).toBe('belum_lapor');
    expect(officerStatus({ ...base, forecastStatus: 'tertinggal', lastReport: '2022-10-20' })).toBe('belum_lapor');
  });

  it('takes a configurable silence', () => {
    expect(officerStatus({ ...base, forecastStatus: 'berisiko', lastReport: '2022-10-31', silentAfter: 3 })).toBe('berisiko');
    expect(officerStatus({ ...base, forecastStatus: 'berisiko', lastReport: '2022-10-30', silentAfter: 3 })).toBe('belum_lapor');
  });

  it('says belum mulai for an officer with no report yet, even on the first day', () => {
    expect(officerStatus({ ...base, forecastStatus: 'tertinggal', lastReport: null })).toBe('belum_mulai');
    expect(officerStatus({ ...base, asOf: '2022-10-15', forecastStatus: 'sesuai_jadwal', lastReport: null })).toBe('belum_mulai');
  });

  it('lets a finished assignment stay selesai however long the officer has been quiet', () => {
    expect(officerStatus({ ...base, forecastStatus: 'selesai', lastReport: '2022-10-20' })).toBe('selesai');
  });

  it('has a colour for every status', () => {
    for (const s of OFFICER_STATUSES) expect(OFFICER_STATUS_COLORS[s]).toMatch(/^#[0-9a-f]{6}$/);
  });
});
