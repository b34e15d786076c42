import { describe, expect, it } from 'vitest';
import { dateRange } from '@/lib/domain/dates';
import {
  countDecreaseFlag,
  DEFAULT_FLAG_THRESHOLDS as T,
  foreignReportFlag,
  highRefusalFlag,
  implausiblePaceFlag,
  longSilenceFlag,
  officerFlags,
  peakDailyPace,
  peerPaceMedians,
  type OfficerFacts,
} from '@/lib/domain/officer-flags';

const window = { startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6 };

const quiet: OfficerFacts = {
  peak: { pace: 15, date: '2022-10-20' },
  kelurahanPeers: { median: 14, count: 20, areaName: 'Sepinggan' },
  cityPeers: { median: 16, count: 880, areaName: 'Kota Balikpapan' },
  refusal: { rate: 0.03, menolak: 6, contacts: 200, areaRate: 0.03, areaName: 'Sepinggan' },
  decreases: [],
  foreignReports: [],
  lastReport: '2022-11-02',
  daysSilent: 0,
  finished: false,
};

describe('peak daily pace and peers', () => {
  it('finds the best day and its date, ignoring days without progress', () => {
    const series = new Map(dateRange('2022-10-15', '2022-10-20').map((d, i) => [d, [0, 5, 5, 60, 70, 70][i]]));
    expect(peakDailyPace(series, window, '2022-10-20')).toEqual({ pace: 55, date: '2022-10-18' });
    expect(peakDailyPace(new Map(), window, '2022-10-20')).toBeNull();
  });

  it('takes medians per kelurahan and overall over PPL who made progress', () => {
    const { byGroup, all } = peerPaceMedians([
      { group: 'a', peak: 10 },
      { group: 'a', peak: 20 },
      { group: 'a', peak: 30 },
      { group: 'b', peak: 40 },
      { group: 'b', peak: null },
      { group: 'b', peak: 0 },
    ]);
    expect(byGroup.get('a')).toEqual({ median: 20, count: 3 });
    expect(byGroup.get('b')).toEqual({ median: 40, count: 1 });
    expect(all).toEqual({ median: 25, count: 4 });
  });
});

describe('implausible pace', () => {
  it('raises above the absolute cap, not at it', () => {
    expect(implausiblePaceFlag({ ...quiet, peak: { pace: 50, date: '2022-10-25' }, kelurahanPeers: { median: 20, count: 20, areaName: 'X' } }, T)).toBeNull();
    const flag = implausiblePaceFlag({ ...quiet, peak: { pace: 51, date: '2022-10-25' }, kelurahanPeers: { median: 20, count: 20, areaName: 'X' } }, T);
    expect(flag?.id).toBe('laju_tidak_wajar');
    expect(flag?.message.id).toContain('51 keluarga/hari pada 25 Okt 2022');
    expect(flag?.message.id).toContain('batas wajar 50/hari');
    expect(flag?.message.id).toContain('Perlu dicek');
    expect(flag?.message.en).toContain('25 Oct 2022');
  });

  it('raises at the peer factor when the peak is also above the floor', () => {
    const peers = { median: 10, count: 20, areaName: 'Sepinggan' };
    expect(implausiblePaceFlag({ ...quiet, peak: { pace: 39, date: '2022-10-25' }, kelurahanPeers: peers }, T)).toBeNull();
    const flag = implausiblePaceFlag({ ...quiet, peak: { pace: 40, date: '2022-10-25' }, kelurahanPeers: peers }, T);
    expect(flag?.message.id).toContain('4,0× median PPL di Sepinggan (10/hari)');
    expect(flag?.message.id).not.toContain('batas wajar');
    // 4× a tiny median is not implausible below the floor
    expect(implausiblePaceFlag({ ...quiet, peak: { pace: 28, date: '2022-10-16' }, kelurahanPeers: { ...peers, median: 5 } }, T)).toBeNull();
  });

  it('compares with the city when the kelurahan has too few peers', () => {
    const flag = implausiblePaceFlag(
      { ...quiet, peak: { pace: 45, date: '2022-10-25' }, kelurahanPeers: { median: 40, count: 4, areaName: 'Kecil' }, cityPeers: { median: 11, count: 800, areaName: 'Kota' } },
      T,
    );
    expect(flag?.message.id).toContain('median PPL di Kota');
    expect(implausiblePaceFlag({ ...quiet, peak: { pace: 45, date: '2022-10-25' }, kelurahanPeers: { median: 40, count: 5, areaName: 'Kecil' } }, T)).toBeNull();
  });

  it('follows configured thresholds and is silent without progress', () => {
    expect(implausiblePaceFlag({ ...quiet, peak: { pace: 31, date: '2022-10-25' } }, { ...T, paceCap: 30 })).not.toBeNull();
    expect(implausiblePaceFlag({ ...quiet, peak: null }, T)).toBeNull();
  });
});

describe('high refusal', () => {
  const refusal = (rate: number, areaRate: number | null, contacts = 100) => ({ ...quiet, refusal: { rate, menolak: Math.round(rate * contacts), contacts, areaRate, areaName: 'Sepinggan' } });

  it('needs both the factor and the gap over the kelurahan', () => {
    expect(highRefusalFlag(refusal(0.1, 0.05), T)?.id).toBe('penolakan_tinggi');
    expect(highRefusalFlag(refusal(0.099, 0.05), T)).toBeNull(); // under 2×
    expect(highRefusalFlag(refusal(0.08, 0.02), T)).not.toBeNull(); // 4×, gap 6 points
    expect(highRefusalFlag(refusal(0.06, 0.02), T)).toBeNull(); // 3×, but only 4 points
  });

  it('ignores small numbers of families met and missing rates', () => {
    expect(highRefusalFlag(refusal(0.5, 0.05, 29), T)).toBeNull();
    expect(highRefusalFlag(refusal(0.5, 0.05, 30), T)).not.toBeNull();
    expect(highRefusalFlag(refusal(0.5, null), T)).toBeNull();
    expect(highRefusalFlag({ ...quiet, refusal: null }, T)).toBeNull();
  });

  it('says the rate, the counts and the kelurahan', () => {
    expect(highRefusalFlag(refusal(0.2, 0.04, 150), T)?.message.id).toBe(
      'Tingkat penolakan 20,0% (30 dari 150 keluarga yang ditemui), jauh di atas Sepinggan (4,0%). Perlu dicek penyebabnya.',
    );
  });
});

describe('cumulative counts going down', () => {
  const drop = { kodeSubsls: '6471010006000100', tanggal: '2022-10-21', previousTanggal: '2022-10-20', field: 'selesai' as const, previous: 52, current: 45 };

  it('raises on one drop and names it', () => {
    const flag = countDecreaseFlag({ ...quiet, decreases: [drop] }, T);
    expect(flag?.message.id).toBe(
      'Angka kumulatif turun pada laporan 21 Okt 2022 untuk sub-SLS 6471010006000100: selesai 45, lebih rendah dari laporan 20 Okt 2022 (52). Angka kumulatif seharusnya tidak turun; perlu dicek.',
    );
  });

  it('counts several drops and respects the minimum drop', () => {
    const two = [drop, { ...drop, tanggal: '2022-10-25', previousTanggal: '2022-10-24', field: 'keluargaBaru' as const, previous: 3, current: 2 }];
    expect(countDecreaseFlag({ ...quiet, decreases: two }, T)?.message.en).toMatch(/^Cumulative counts went down 2 times, last in .*new families 2/);
    expect(countDecreaseFlag({ ...quiet, decreases: two }, { ...T, decreaseMin: 2 })?.message.id).toMatch(/^Angka kumulatif turun pada laporan 21 Okt/);
    expect(countDecreaseFlag({ ...quiet, decreases: two }, { ...T, decreaseMin: 8 })).toBeNull();
    expect(countDecreaseFlag(quiet, T)).toBeNull();
  });
});

describe('reports for sub-SLS not assigned', () => {
  const foreign = { kodeSubsls: '6471010006000200', tanggal: '2022-10-22', assignedTo: '647110002' };

  it('raises from the first such report by default', () => {
    expect(foreignReportFlag(quiet, T)).toBeNull();
    const flag = foreignReportFlag({ ...quiet, foreignReports: [foreign] }, T);
    expect(flag?.message.id).toContain('1 laporan untuk sub-SLS yang tidak ditugaskan kepadanya');
    expect(flag?.message.id).toContain('ditugaskan ke 647110002');
  });

  it('follows the threshold and names a sub-SLS with nobody assigned', () => {
    expect(foreignReportFlag({ ...quiet, foreignReports: [foreign] }, { ...T, foreignMin: 2 })).toBeNull();
    expect(foreignReportFlag({ ...quiet, foreignReports: [{ ...foreign, assignedTo: null }] }, T)?.message.en).toContain('assigned to nobody');
  });
});

describe('long silence', () => {
  it('raises at the threshold, not a day before', () => {
    expect(longSilenceFlag({ ...quiet, daysSilent: 2, lastReport: '2022-10-31' }, T)).toBeNull();
    expect(longSilenceFlag({ ...quiet, daysSilent: 3, lastReport: '2022-10-30' }, T)?.message.id).toBe(
      'Tidak ada laporan selama 3 hari (terakhir 30 Okt 2022). Perlu dihubungi dan dicek.',
    );
  });

  it('words a never-reporting officer differently and spares a finished one', () => {
    expect(longSilenceFlag({ ...quiet, daysSilent: 19, lastReport: null }, T)?.message.en).toBe('No report since fieldwork began (19 days). Please contact and check.');
    expect(longSilenceFlag({ ...quiet, daysSilent: 9, lastReport: '2022-10-24', finished: true }, T)).toBeNull();
  });
});

describe('all flags', () => {
  it('raises nothing for an ordinary PPL and every flag, in order, for a bad one', () => {
    expect(officerFlags(quiet)).toEqual([]);
    const bad: OfficerFacts = {
      ...quiet,
      peak: { pace: 120, date: '2022-10-22' },
      refusal: { rate: 0.3, menolak: 30, contacts: 100, areaRate: 0.03, areaName: 'X' },
      decreases: [{ kodeSubsls: '1', tanggal: '2022-10-21', previousTanggal: '2022-10-20', field: 'selesai', previous: 5, current: 4 }],
      foreignReports: [{ kodeSubsls: '2', tanggal: '2022-10-21', assignedTo: null }],
      daysSilent: 4,
      lastReport: '2022-10-29',
    };
    expect(officerFlags(bad).map((f) => f.id)).toEqual(['laju_tidak_wajar', 'penolakan_tinggi', 'hitungan_turun', 'subsls_bukan_tugasnya', 'lama_tidak_lapor']);
  });
});
