import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { generateDemo, type DemoData, type DemoReportVersion } from '@/lib/demo/generate';
import { apportion, partitionContiguous } from '@/lib/demo/allocate';
import { Rng } from '@/lib/demo/prng';

const referenceDir = path.resolve(import.meta.dirname, '../../data/reference');
const TODAY = '2022-11-02';
const SEED = 2022;

const demo = generateDemo({ seed: SEED, scale: 1, today: TODAY, referenceDir });

const byLevel = (d: DemoData, level: string) => d.areas.filter((a) => a.level === level);

/** Current row per (sub-SLS, date): the last version submitted. */
function currentRows(reports: readonly DemoReportVersion[]): DemoReportVersion[] {
  const cur = new Map<string, DemoReportVersion>();
  for (const r of reports) cur.set(`${r.kodeSubsls}|${r.tanggal}`, r);
  return [...cur.values()].sort((a, b) => a.tanggal.localeCompare(b.tanggal));
}

/** Each sub-SLS's values as of `asOf`: its latest current row dated ≤ asOf (carried forward). */
function asOf(reports: readonly DemoReportVersion[], date: string): Map<string, DemoReportVersion> {
  const out = new Map<string, DemoReportVersion>();
  for (const r of currentRows(reports)) if (r.tanggal <= date) out.set(r.kodeSubsls, r);
  return out;
}

/** Progres (selesai + tidak ditemukan) / (prelist + keluarga baru) per prefix of the sub-SLS code. */
function progressBy(d: DemoData, date: string, prefixLength: number): Map<string, number> {
  const values = asOf(d.reports, date);
  const sums = new Map<string, { closed: number; universe: number }>();
  for (const s of byLevel(d, 'subsls')) {
    const r = values.get(s.code);
    const key = s.code.slice(0, prefixLength);
    const e = sums.get(key) ?? { closed: 0, universe: 0 };
    e.closed += (r?.selesai ?? 0) + (r?.tidakDitemukan ?? 0);
    e.universe += s.prelist + (r?.keluargaBaru ?? 0);
    sums.set(key, e);
  }
  return new Map([...sums].map(([k, e]) => [k, e.closed / e.universe]));
}

describe('prng and allocation helpers', () => {
  it('repeats the same stream for the same seed', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    expect(Array.from({ length: 5 }, () => a.float())).toEqual(Array.from({ length: 5 }, () => b.float()));
    expect(new Rng(8).float()).not.toBe(new Rng(7).float());
  });

  it('apportions exactly within bounds and partitions contiguously', () => {
    const parts = apportion(240_000, [0.1402, 0.132, 0.2562, 0.142, 0.2151, 0.1145]);
    expect(parts.reduce((x, y) => x + y, 0)).toBe(240_000);
    const bounded = apportion(100, [10, 1, 1], 20, 50);
    expect(bounded).toEqual([50, 25, 25]);
    expect(partitionContiguous([100, 100, 100, 100], 2)).toEqual([0, 2]);
  });
});

describe('generateDemo: determinism', () => {
  it('gives identical output for the same seed and scale', () => {
    const again = generateDemo({ seed: SEED, scale: 1, today: TODAY, referenceDir });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
  });

  it('gives different draws for another seed', () => {
    const other = generateDemo({ seed: SEED + 1, scale: 1, today: TODAY, referenceDir });
    expect(other.reports.length).not.toBe(demo.reports.length);
    expect(JSON.stringify(other.officers.map((o) => o.name))).not.toBe(JSON.stringify(demo.officers.map((o) => o.name)));
  });
});

describe('generateDemo: areas (scale 1)', () => {
  it('has one kota, the 6 real kecamatan and 34 real kelurahan', () => {
    expect(byLevel(demo, 'kota').map((a) => [a.code, a.name])).toEqual([['6471', 'Kota Balikpapan']]);
    const kec = byLevel(demo, 'kecamatan');
    expect(kec).toHaveLength(6);
    expect(kec.find((k) => k.code === '6471010')).toMatchObject({ name: 'Balikpapan Selatan', kemendagriCode: '64.71.05', parentCode: '6471' });
    const kel = byLevel(demo, 'kelurahan');
    expect(kel).toHaveLength(34);
    expect(kel.find((k) => k.code === '6471010007')).toMatchObject({ name: 'Sepinggan', kemendagriCode: '64.71.05.1002', parentCode: '6471010' });
    expect(kel.find((k) => k.code === '6471020002')).toMatchObject({ name: 'Manggar Baru', kemendagriCode: '64.71.01.1004', parentCode: '6471020' });
    expect(kel.find((k) => k.code === '6471010010')?.name).toBe('Sungai Nangka');
    for (const a of [...kec, ...kel]) expect(a.geometry?.type).toMatch(/Polygon/);
  });

  it('keeps codes as text, each level the right length and a prefix of its children', () => {
    const len = { kota: 4, kecamatan: 7, kelurahan: 10, sls: 14, subsls: 16 };
    const codes = new Set(demo.areas.map((a) => a.code));
    expect(codes.size).toBe(demo.areas.length);
    for (const a of demo.areas) {
      expect(typeof a.code).toBe('string');
      expect(a.code).toMatch(new RegExp(`^\\d{${len[a.level]}}$`));
      if (a.parentCode !== null) {
        expect(codes.has(a.parentCode)).toBe(true);
        expect(a.code.startsWith(a.parentCode)).toBe(true);
      }
    }
  });

  it('splits 240,000 prelist families into ~1,600 SLS and sub-SLS of at most 400', () => {
    const sub = byLevel(demo, 'subsls');
    const sls = byLevel(demo, 'sls');
    expect(sub.reduce((s, a) => s + a.prelist, 0)).toBe(240_000);
    expect(demo.areas.filter((a) => a.level !== 'subsls' && a.prelist !== 0)).toHaveLength(0);
    expect(sls.length).toBeGreaterThanOrEqual(1400);
    expect(sls.length).toBeLessThanOrEqual(1800);
    expect(Math.max(...sub.map((s) => s.prelist))).toBeLessThanOrEqual(400);
    expect(Math.min(...sub.map((s) => s.prelist))).toBeGreaterThan(0);
    const split = sub.filter((s) => !s.code.endsWith('00'));
    expect(split.length).toBeGreaterThan(0);
    expect(split[0].name).toMatch(/^RT \d{3} bagian \d{2}$/);
    const nonSls = sls.filter((s) => s.code.slice(10, 11) === '1');
    expect(nonSls.length).toBeGreaterThanOrEqual(1);
    expect(nonSls[0].name).toMatch(/^Non-SLS 1\d{3}$/);
    expect(sls.find((s) => s.code.endsWith('0001'))?.name).toBe('RT 001');
  });
});

describe('generateDemo: officers and assignments (scale 1)', () => {
  const officers = new Map(demo.officers.map((o) => [o.code, o]));
  const ppl = demo.officers.filter((o) => o.role === 'ppl');
  const pml = demo.officers.filter((o) => o.role === 'pml');

  it('has 883 PPL, 221 PML and 2 koseka per kecamatan with 9-digit codes', () => {
    expect(ppl).toHaveLength(883);
    expect(pml).toHaveLength(221);
    expect(demo.officers.filter((o) => o.role === 'koseka')).toHaveLength(12);
    const digit = { ppl: '1', pml: '2', koseka: '3' };
    for (const o of demo.officers) expect(o.code).toMatch(new RegExp(`^6471${digit[o.role]}\\d{4}$`));
    expect(officers.size).toBe(demo.officers.length);
  });

  it('chains PPL → PML → koseka within one kecamatan, ~4 PPL per PML', () => {
    const team = new Map<string, number>();
    for (const p of ppl) {
      const boss = officers.get(p.supervisorCode ?? '');
      expect(boss?.role).toBe('pml');
      expect(p.areaCode.startsWith(boss!.areaCode)).toBe(true);
      team.set(boss!.code, (team.get(boss!.code) ?? 0) + 1);
    }
    for (const m of pml) {
      expect(officers.get(m.supervisorCode ?? '')).toMatchObject({ role: 'koseka', areaCode: m.areaCode });
      expect(team.get(m.code)).toBeGreaterThanOrEqual(3);
      expect(team.get(m.code)).toBeLessThanOrEqual(5);
    }
  });

  it('gives fictional 0800-00xx-xxxx phones to about 70 %', () => {
    const phones = demo.officers.filter((o) => o.phone !== null);
    for (const o of phones) expect(o.phone).toMatch(/^0800-00\d{2}-\d{4}$/);
    expect(phones.length / demo.officers.length).toBeGreaterThan(0.6);
    expect(phones.length / demo.officers.length).toBeLessThan(0.8);
  });

  it('assigns every sub-SLS exactly once, to a PPL of its kelurahan (1–2 % also work next door), ~272 families each', () => {
    const sub = byLevel(demo, 'subsls');
    const prelist = new Map(sub.map((s) => [s.code, s.prelist]));
    expect(demo.assignments).toHaveLength(sub.length);
    expect(new Set(demo.assignments.map((a) => a.kodeSubsls)).size).toBe(sub.length);
    const load = new Map<string, number>();
    const kelurahanOf = new Map<string, Set<string>>();
    for (const a of demo.assignments) {
      const p = officers.get(a.kodePetugas);
      expect(p?.role).toBe('ppl');
      // Every sub-SLS lies in its PPL's kecamatan; a few in a neighbouring kelurahan of it.
      expect(a.kodeSubsls.startsWith(p!.areaCode.slice(0, 7))).toBe(true);
      (kelurahanOf.get(p!.code) ?? kelurahanOf.set(p!.code, new Set()).get(p!.code)!).add(a.kodeSubsls.slice(0, 10));
      load.set(a.kodePetugas, (load.get(a.kodePetugas) ?? 0) + (prelist.get(a.kodeSubsls) ?? NaN));
    }
    const crossing = [...kelurahanOf].filter(([, kels]) => kels.size > 1);
    expect(crossing.length / 883).toBeGreaterThanOrEqual(0.01);
    expect(crossing.length / 883).toBeLessThanOrEqual(0.02);
    for (const [code, kels] of crossing) {
      expect(kels.size, code).toBe(2);
      expect(kels.has(officers.get(code)!.areaCode), code).toBe(true);
    }
    expect(load.size).toBe(883);
    const loads = [...load.values()].sort((x, y) => x - y);
    expect(loads[Math.floor(loads.length / 2)]).toBeGreaterThan(240);
    expect(loads[Math.floor(loads.length / 2)]).toBeLessThan(300);
  });
});

describe('generateDemo: reports (scale 1)', () => {
  const prelist = new Map(byLevel(demo, 'subsls').map((s) => [s.code, s.prelist]));
  const assigned = new Map(demo.assignments.map((a) => [a.kodeSubsls, a.kodePetugas]));
  const supervisor = new Map(demo.officers.map((o) => [o.code, o.supervisorCode]));

  it('satisfies the report invariants in every version', () => {
    expect(demo.reports.length).toBeGreaterThan(5000);
    const bad = demo.reports.filter((r) => {
      const counts = [r.selesai, r.menolak, r.tidakDitemui, r.tidakDitemukan, r.keluargaBaru];
      const stamp = new RegExp(`^${r.tanggal}T(1[6-9]|2[0-2]):\\d{2}:\\d{2}\\+08:00$`);
      return (
        !counts.every((c) => Number.isInteger(c) && c >= 0) ||
        r.selesai + r.menolak + r.tidakDitemui + r.tidakDitemukan > (prelist.get(r.kodeSubsls) ?? -1) + r.keluargaBaru ||
        r.tanggal < '2022-10-15' ||
        r.tanggal > TODAY ||
        r.kodePetugas !== assigned.get(r.kodeSubsls) ||
        (r.submittedBy !== r.kodePetugas && r.submittedBy !== supervisor.get(r.kodePetugas)) ||
        r.kodeKota !== '6471' ||
        !stamp.test(r.submittedAt)
      );
    });
    expect(bad).toEqual([]);
  });

  it('lists versions in submission order', () => {
    const outOfOrder = demo.reports.filter((r, i) => i > 0 && demo.reports[i - 1].submittedAt > r.submittedAt);
    expect(outOfOrder).toEqual([]);
  });

  it('has same-day replacements (~1 %), PML acting (~0.5 %) and a downward correction', () => {
    const current = currentRows(demo.reports);
    const replaced = demo.reports.length - current.length;
    expect(replaced / current.length).toBeGreaterThan(0.005);
    expect(replaced / current.length).toBeLessThan(0.02);
    const acting = demo.reports.filter((r) => r.submittedBy !== r.kodePetugas).length;
    expect(acting).toBeGreaterThan(0);
    expect(acting / demo.reports.length).toBeLessThan(0.015);
    const last = new Map<string, number>();
    let downward = 0;
    for (const r of current) {
      if (r.selesai < (last.get(r.kodeSubsls) ?? 0)) downward++;
      last.set(r.kodeSubsls, r.selesai);
    }
    expect(downward).toBeGreaterThanOrEqual(1);
    expect(downward).toBeLessThanOrEqual(2);
  });

  it('reaches 50–65 % city progress by today, with at least 2 kelurahan below 45 %', () => {
    const city = progressBy(demo, TODAY, 4).get('6471') ?? 0;
    expect(city).toBeGreaterThan(0.5);
    expect(city).toBeLessThan(0.65);
    const kel = [...progressBy(demo, TODAY, 10).values()];
    expect(kel.filter((p) => p < 0.45).length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...kel)).toBeGreaterThan(0.25);
  });

  it('starts slowly, is lower on Sundays, and has silent and implausibly fast PPL', () => {
    const perDay = new Map<string, number>();
    for (const r of currentRows(demo.reports)) perDay.set(r.tanggal, (perDay.get(r.tanggal) ?? 0) + 1);
    expect(perDay.get('2022-10-15')!).toBeLessThan(perDay.get('2022-10-18')! / 2);
    expect(perDay.get('2022-10-23')!).toBeLessThan(perDay.get('2022-10-24')! * 0.8);
    const lastReport = new Map<string, string>();
    for (const r of demo.reports) lastReport.set(r.kodePetugas, r.tanggal);
    const silent = [...lastReport.values()].filter((d) => d <= '2022-10-30').length;
    expect(silent / 883).toBeGreaterThan(0.03);
    expect(silent / 883).toBeLessThan(0.08);
    const closedPerPplDay = new Map<string, number>();
    const prev = new Map<string, number>();
    for (const r of currentRows(demo.reports)) {
      const closed = r.selesai + r.tidakDitemukan;
      const key = `${r.kodePetugas}|${r.tanggal}`;
      closedPerPplDay.set(key, (closedPerPplDay.get(key) ?? 0) + closed - (prev.get(r.kodeSubsls) ?? 0));
      prev.set(r.kodeSubsls, closed);
    }
    const fast = new Set([...closedPerPplDay].filter(([, v]) => v >= 60).map(([k]) => k.split('|')[0]));
    expect(fast.size).toBeGreaterThanOrEqual(3);
    expect(fast.size).toBeLessThanOrEqual(8);
  });

  it('reports nothing after an earlier today', () => {
    const early = generateDemo({ seed: SEED, scale: 1, today: '2022-10-20', referenceDir });
    expect(early.reports.length).toBeGreaterThan(0);
    expect(early.reports.length).toBeLessThan(demo.reports.length / 2);
    expect(early.reports.every((r) => r.tanggal <= '2022-10-20')).toBe(true);
    expect(early.areas).toEqual(demo.areas);
  });
});

describe('generateDemo: scale 2', () => {
  const two = generateDemo({ seed: SEED, scale: 2, today: TODAY, referenceDir });

  it('adds a synthetic city 9901 of the same shape with its own campaign', () => {
    expect(byLevel(two, 'kota').map((a) => a.code)).toEqual(['6471', '9901']);
    expect(two.campaigns.map((c) => c.kodeKota)).toEqual(['6471', '9901']);
    expect(two.campaigns[1]).toMatchObject({ startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6, timezone: 'Asia/Makassar' });
    expect(two.officers).toHaveLength(2 * demo.officers.length);
    const synthetic = two.areas.filter((a) => a.kodeKota === '9901');
    expect(synthetic.every((a) => a.code.startsWith('9901'))).toBe(true);
    expect(synthetic.find((a) => a.code === '9901010007')?.name).toMatch(/^Sepinggan/);
    expect(synthetic.filter((a) => a.level === 'subsls').reduce((s, a) => s + a.prelist, 0)).toBe(240_000);
    expect(two.officers.filter((o) => o.kodeKota === '9901').every((o) => o.code.startsWith('9901'))).toBe(true);
  });

  it('keeps city 1 identical and roughly doubles the report rows', () => {
    expect(two.areas.filter((a) => a.kodeKota === '6471')).toEqual(demo.areas);
    expect(two.reports.filter((r) => r.kodeKota === '6471')).toEqual(demo.reports);
    const ratio = two.reports.length / demo.reports.length;
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
    const progress = progressBy(two, TODAY, 4).get('9901') ?? 0;
    expect(progress).toBeGreaterThan(0.5);
    expect(progress).toBeLessThan(0.65);
  });
});
