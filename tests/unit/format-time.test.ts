import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, zoneName } from '@/lib/format';

describe('timestamps in the campaign zone', () => {
  it('shows a UTC instant as WITA (UTC+8), crossing midnight into the next local day', () => {
    // 16:30 UTC on 1 Nov is 00:30 on 2 Nov in Balikpapan.
    expect(formatDateTime('2022-11-01T16:30:00Z', 'id', 'Asia/Makassar', true)).toBe('2 Nov 2022, 00.30 WITA');
    expect(formatDateTime('2022-11-01T16:30:00Z', 'en', 'Asia/Makassar', true)).toBe('2 Nov 2022, 00:30 WITA');
    expect(formatDateTime('2022-11-01T16:30:00Z', 'id', 'Asia/Makassar')).toBe('2 Nov 2022, 00.30');
  });

  it('names the Indonesian zones as people say them and keeps others by their IANA name', () => {
    expect(zoneName('Asia/Makassar')).toBe('WITA');
    expect(zoneName('Asia/Jakarta')).toBe('WIB');
    expect(zoneName('Asia/Jayapura')).toBe('WIT');
    expect(zoneName('Europe/Berlin')).toBe('Europe/Berlin');
    expect(formatClock(Date.parse('2022-11-02T00:05:00Z'), 'id', 'Asia/Makassar')).toBe('08.05 WITA');
    expect(formatClock(Date.parse('2022-11-02T00:05:00Z'), 'id', 'Asia/Jakarta')).toBe('07.05 WIB');
  });

  it('prints a dash for a missing timestamp', () => {
    expect(formatDateTime(null, 'id', 'Asia/Makassar', true)).toBe('–');
  });
});
