import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { demoFollowups } from '@/lib/demo/followups';
import { addDays } from '@/lib/domain/dates';
import { checkFollowupCounts, looksLikeIdNumber } from '@/lib/domain/followup';

const data = generateDemo({ seed: 2022, scale: 1, today: '2022-11-02', referenceDir: path.resolve('data/reference') });

describe('demo follow-ups', () => {
  const followups = demoFollowups(data);

  it('are a few hundred, deterministic, and mostly in the kelurahan with the most refusals', () => {
    expect(followups.length).toBeGreaterThan(200);
    expect(followups.length).toBeLessThan(800);
    expect(demoFollowups(data)).toEqual(followups);
    const byKel = new Map<string, number>();
    for (const f of followups) byKel.set(f.kodeSls.slice(0, 10), (byKel.get(f.kodeSls.slice(0, 10)) ?? 0) + 1);
    const counts = [...byKel.values()].sort((a, b) => b - a);
    // The busiest quarter of kelurahan holds more than half of the visits.
    const top = counts.slice(0, Math.ceil(counts.length / 4)).reduce((s, n) => s + n, 0);
    expect(top / followups.length).toBeGreaterThan(0.5);
  });

  it('pass the API’s own checks, and their conversions show in the reports that follow', () => {
    const current = new Map<string, (typeof data.reports)[number]>();
    for (const r of data.reports) current.set(`${r.kodeSubsls}|${r.tanggal}`, r);
    const menolakOn = (sls: string, day: string) => {
      const latest = new Map<string, { tanggal: string; menolak: number; tidakDitemui: number }>();
      for (const r of current.values()) {
        if (!r.kodeSubsls.startsWith(sls) || r.tanggal > day) continue;
        const seen = latest.get(r.kodeSubsls);
        if (!seen || seen.tanggal < r.tanggal) latest.set(r.kodeSubsls, r);
      }
      return [...latest.values()].reduce((s, r) => ({ menolak: s.menolak + r.menolak, open: s.open + r.menolak + r.tidakDitemui }), { menolak: 0, open: 0 });
    };
    for (const f of followups.filter((_, i) => i % 10 === 0)) {
      expect(checkFollowupCounts(f, menolakOn(f.kodeSls, f.tanggal).open)).toEqual([]);
      expect(f.note === null || !looksLikeIdNumber(f.note)).toBe(true);
      if (f.agreed > 0) {
        // On one of the two days after the visit, the SLS's refusals fell by at least what was agreed.
        const drops = [1, 2].map((n) => menolakOn(f.kodeSls, addDays(f.tanggal, n - 1)).menolak - menolakOn(f.kodeSls, addDays(f.tanggal, n)).menolak);
        expect(Math.max(...drops)).toBeGreaterThanOrEqual(f.agreed);
      }
    }
  });
});
