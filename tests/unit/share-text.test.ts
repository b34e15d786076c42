import { describe, expect, it } from 'vitest';
import { areaMetrics } from '@/lib/domain/pace';
import { formatPace } from '@/lib/format';
import { translator } from '@/lib/i18n/messages';
import { buildOfficerReminder, buildTeamReminder } from '@/lib/share/reminder-text';
import { buildAreaShareText, buildSilentShareText, mostBehind, waNumber, whatsappUrl, type ShareArea } from '@/lib/share/summary-text';

const window = { startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6 };
const asOf = '2022-10-25';

/** An area whose closed families grew by `perDay` every day from the window's start to asOf. */
function area(code: string, name: string, level: string, universe: number, perDay: number): ShareArea {
  const series = new Map<string, number>();
  for (let d = 0; d <= 10; d++) series.set(`2022-10-${String(15 + d).padStart(2, '0')}`, perDay * (d + 1));
  const closed = series.get(asOf)!;
  const counts = { prelist: universe, keluargaBaru: 0, selesai: closed, menolak: 0, tidakDitemui: 0, tidakDitemukan: 0 };
  return { code, name, level, asOf, ...areaMetrics(counts, series, window, asOf) };
}

const text = (locale: 'id' | 'en') => {
  const t = translator(locale, 'share') as unknown as (k: string, v?: Record<string, string | number>) => string;
  const common = translator(locale, 'common') as unknown as (k: string) => string;
  return { locale, t, statusLabel: (s: string) => common(`status.${s}`), levelLabel: (l: string) => common(`levels.${l}`) };
};

describe('area share text', () => {
  const kota = area('6471', 'Balikpapan', 'kota', 10_000, 200);
  const children = [
    area('6471010', 'Balikpapan Selatan', 'kecamatan', 3000, 120),
    area('6471020', 'Balikpapan Timur', 'kecamatan', 3000, 40),
    area('6471030', 'Balikpapan Utara', 'kecamatan', 3000, 60),
    area('6471040', 'Balikpapan Tengah', 'kecamatan', 1000, 100),
  ];

  it('says area, day, progres vs plan, status, pace vs required, who lags and the link, in Indonesian', () => {
    const s = buildAreaShareText({ area: kota, children, url: 'https://pantau.example/wilayah/6471?asOf=2022-10-25', ...text('id') });
    expect(s).toContain('Kota Balikpapan');
    expect(s).toContain('25 Okt 2022');
    // 2 200 of 10 000 closed on day 11 of 31: 22,0 % against a plan of 35,5 %.
    expect(s).toContain('Progres: 22,0% (rencana 35,5%)');
    expect(s).toContain('2.200 dari 10.000');
    expect(s).toContain(`Status: ${translator('id', 'common')(`status.${kota.status}` as never)}`);
    // required = 7 800 left over 20 days left = 390 a day.
    expect(s).toContain('Laju 7 hari: 200 keluarga/hari; perlu 390 keluarga/hari');
    const lines = s.split('\n');
    // Selatan (44 %) and Tengah (110 %) are ahead of the 35,5 % plan: only the two behind are named, worst first.
    const behind = lines.filter((l) => l.startsWith('• '));
    expect(behind).toEqual(['• Balikpapan Timur: 14,7% (rencana 35,5%)', '• Balikpapan Utara: 22,0% (rencana 35,5%)']);
    expect(lines.at(-1)).toBe('https://pantau.example/wilayah/6471?asOf=2022-10-25');
  });

  it('adds the status reason sentence when one is given, and speaks English for an English request', () => {
    const s = buildAreaShareText({ area: kota, children: [], url: 'u', reason: 'pace7 below the required pace', ...text('en') });
    expect(s).toMatch(/^Status: .+ — pace7 below the required pace$/m);
    expect(s).toContain('as of 25 Oct 2022');
    expect(s).not.toContain('Furthest behind');
  });

  it('writes the required pace as every page does (rounded; one decimal when small), never rounded up', () => {
    // 7 801 left over 20 days = 390.05 a day: the dashboard and the status sentence say 390.
    const big = area('6471', 'Balikpapan', 'kota', 10_001, 200);
    expect(big.requiredPace).toBeCloseTo(390.05, 5);
    expect(buildAreaShareText({ area: big, children: [], url: 'u', ...text('id') })).toContain('perlu 390 keluarga/hari');
    // An SLS: 68 left over 20 days = 3.4 a day, with its decimal as on the dashboard.
    const sls = area('64710100070001', 'RT 01', 'sls', 101, 3);
    expect(sls.requiredPace).toBeCloseTo(3.4, 5);
    expect(buildAreaShareText({ area: sls, children: [], url: 'u', ...text('id') })).toContain('Laju 7 hari: 3,0 keluarga/hari; perlu 3,4 keluarga/hari');
    expect(formatPace(390.05, 'id')).toBe('390');
    expect(formatPace(3.4, 'id')).toBe('3,4');
    expect(formatPace(null, 'id')).toBe('–');
  });

  it('names no finished child and none ahead of plan', () => {
    const ahead = area('6471050', 'Ahead', 'kecamatan', 1000, 100);
    expect(ahead.progres! > ahead.expectedProgres).toBe(true);
    expect(mostBehind([ahead, { ...children[1], status: 'selesai' }])).toEqual([]);
  });
});

describe('silent list share text and reminders', () => {
  const officers = [
    { name: 'Andi', code: 'P001', daysSilent: 1, lastReport: '2022-10-24', subslsOpen: 3 },
    { name: 'Budi', code: 'P002', daysSilent: 11, lastReport: null, subslsOpen: 2 },
    { name: 'Citra', code: 'P003', daysSilent: 4, lastReport: '2022-10-21', subslsOpen: 1 },
  ];

  it('counts the silent PPL and lists the longest silent first', () => {
    const s = buildSilentShareText({ areaName: 'Balikpapan', asOf, officers, url: 'https://x/petugas?tab=silent', limit: 2, ...text('id') });
    expect(s).toContain('3 PPL belum mengirim laporan untuk 25 Okt 2022');
    const items = s.split('\n').filter((l) => l.startsWith('• '));
    expect(items).toEqual(['• Budi (P002): laporan terakhir belum pernah, 11 hari', '• Citra (P003): laporan terakhir 21 Okt 2022, 4 hari']);
    expect(s).toContain('…dan 1 PPL lainnya');
  });

  it('says so when nobody is silent', () => {
    expect(buildSilentShareText({ areaName: 'Sepinggan', asOf, officers: [], url: 'u', ...text('id') })).toContain('Semua PPL sudah mengirim laporan');
  });

  it('reminds a PPL politely with their name, the day and the sub-SLS left; a PML gets their whole team', () => {
    const { t, locale } = text('id');
    const one = buildOfficerReminder(officers[0], { asOf, t, locale });
    expect(one).toMatch(/^Selamat pagi, Bapak\/Ibu Andi\./);
    expect(one).toContain('25 Okt 2022');
    expect(one).toContain('3 sub-SLS');
    const team = buildTeamReminder('Dewi', officers, { asOf, t, locale });
    expect(team).toContain('3 PPL di tim Bapak/Ibu');
    expect(team.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(3);
  });
});

describe('wa.me links', () => {
  it('turns Indonesian numbers into country-code digits and encodes the text', () => {
    expect(waNumber('0800-0012-3456')).toBe('6280000123456');
    expect(waNumber('+62 812-0000-1234')).toBe('6281200001234');
    expect(waNumber('12')).toBeNull();
    expect(whatsappUrl('a b&c', '0800-0012-3456')).toBe('https://wa.me/6280000123456?text=a%20b%26c');
    expect(whatsappUrl('hi')).toBe('https://wa.me/?text=hi');
  });
});
