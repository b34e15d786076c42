import { describe, expect, it } from 'vitest';
import type { OfficerMasterRow, SubslsDaysRow } from '@/lib/queries/officer-facts';
import { ownersOf, rollUpHoldings } from '@/lib/queries/officer-holdings';

const officer = (code: string, supervisor: string | null): OfficerMasterRow => ({
  code,
  role: code.startsWith('p') ? 'ppl' : code.startsWith('m') ? 'pml' : 'koseka',
  name: code,
  supervisor_code: supervisor,
  phone: null,
  area_code: '6471010',
  area_name: null,
  area_level: null,
  kec_code: null,
  kec_name: null,
});

const subsls = (code: string, holder: string, selesai: number[]): SubslsDaysRow => ({
  code,
  kode_petugas: holder,
  selesai,
  tidak_ditemukan: selesai.map(() => 1),
  prelist: 100,
  keluarga_baru: 2,
  menolak: 3,
  tidak_ditemui: 4,
});

describe('officer holdings', () => {
  it('counts an assignee for themselves and the two supervisors above, and survives a cycle', () => {
    const sup = new Map<string, string | null>([
      ['p1', 'm1'],
      ['m1', 'k1'],
      ['k1', null],
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(ownersOf('p1', sup)).toEqual(['p1', 'm1', 'k1']);
    expect(ownersOf('m1', sup)).toEqual(['m1', 'k1']);
    expect(ownersOf('x', sup)).toEqual(['x', 'y']);
    expect(ownersOf('unknown', sup)).toEqual(['unknown']);
  });

  it('sums counts and daily series up the supervision chain, with the latest report of the team', () => {
    const master = [officer('k1', null), officer('m1', 'k1'), officer('p1', 'm1'), officer('p2', 'm1')];
    const days = [subsls('a', 'p1', [1, 2, 3]), subsls('b', 'p1', [0, 0, 5]), subsls('c', 'p2', [2, 2, 2])];
    const reports = [
      { code: 'p1', subsls: 'a', last: '2022-10-17', today: true },
      { code: 'p1', subsls: 'b', last: '2022-10-16', today: false },
      { code: 'p2', subsls: 'c', last: '2022-10-15', today: false },
    ];
    const h = rollUpHoldings(master, days, reports, 3);
    expect(h.get('p1')).toMatchObject({ subsls: 2, selesai: [1, 2, 8], tidakDitemukan: [2, 2, 2], lastReport: '2022-10-17', reportedOnAsOf: true });
    expect(h.get('p1')!.counts).toEqual({ prelist: 200, keluargaBaru: 4, selesai: 8, menolak: 6, tidakDitemui: 8, tidakDitemukan: 2 });
    expect(h.get('p2')).toMatchObject({ subsls: 1, selesai: [2, 2, 2], lastReport: '2022-10-15', reportedOnAsOf: false });
    for (const lead of ['m1', 'k1']) {
      expect(h.get(lead)).toMatchObject({ subsls: 3, selesai: [3, 4, 10], lastReport: '2022-10-17', reportedOnAsOf: true });
      expect(h.get(lead)!.counts.prelist).toBe(300);
    }
  });
});
