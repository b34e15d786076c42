import { describe, expect, it } from 'vitest';
import { compareUrgency, daysLate, mostBehind } from '@/lib/domain/attention';
import { officerUrgency, OFFICER_SORT_KEYS } from '@/lib/domain/officer-sort';

const END = '2022-11-14';
const area = (code: string, status: string, projectedFinish: string | null) => ({ code, status, projectedFinish });

describe('who to call first', () => {
  it('puts macet before tertinggal, then the latest forecast first, and leaves areas on track out', () => {
    const items = [
      area('a', 'sesuai_jadwal', '2022-11-10'),
      area('b', 'tertinggal', '2022-11-20'),
      area('c', 'tertinggal', '2022-12-01'),
      area('d', 'macet', '2022-11-16'),
      area('e', 'berisiko', '2022-11-16'),
      area('f', 'tertinggal', null),
      area('g', 'selesai', null),
    ];
    expect(mostBehind(items, END, 10).map((i) => i.code)).toEqual(['d', 'f', 'c', 'b']);
    expect(mostBehind(items, END, 2).map((i) => i.code)).toEqual(['d', 'f']);
  });

  it('counts days late from the last day, a missing forecast as the latest of all', () => {
    expect(daysLate('2022-11-20', END)).toBe(6);
    expect(daysLate(null, END)).toBe(Number.POSITIVE_INFINITY);
    // Two areas without a forecast fall back to code order, so the block never flickers.
    expect([area('z', 'tertinggal', null), area('y', 'tertinggal', null)].sort(compareUrgency(END)).map((i) => i.code)).toEqual(['y', 'z']);
  });
});

describe('/petugas worst first', () => {
  const officer = (status: string, flags: number, daysSilent: number) => ({ status, flags: Array.from({ length: flags }), daysSilent });

  it('is the default sort key of the list', () => {
    expect(OFFICER_SORT_KEYS[0]).toBe('urgency');
  });

  it('orders by status (macet, tertinggal, silent 2+ days, never started, …), then flags, then days silent', () => {
    const rows = {
      macet: officer('macet', 0, 0),
      tertinggalFlagged: officer('tertinggal', 2, 0),
      tertinggal: officer('tertinggal', 0, 1),
      tertinggalQuiet: officer('tertinggal', 0, 0),
      silent: officer('belum_lapor', 1, 6),
      neverStarted: officer('belum_mulai', 0, 19),
      atRisk: officer('berisiko', 3, 0),
      onTrack: officer('sesuai_jadwal', 0, 0),
      done: officer('selesai', 0, 9),
    };
    const sorted = Object.entries(rows).sort(([, a], [, b]) => officerUrgency(a) - officerUrgency(b)).map(([k]) => k);
    expect(sorted).toEqual(['macet', 'tertinggalFlagged', 'tertinggal', 'tertinggalQuiet', 'silent', 'neverStarted', 'atRisk', 'onTrack', 'done']);
  });
});
