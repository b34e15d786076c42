// Demo follow-ups (tindak lanjut): visits by the lurah's staff, RT heads and officers to SLS with
// open refusals, derived from the demo's own report history so that what a visit achieved shows
// in the reports that follow it. Pure and deterministic: same data → same follow-ups.
import { slugify } from '@/lib/auth/username';
import { codeAtLevel } from '@/lib/domain/area-code';
import { addDays } from '@/lib/domain/dates';
import type { FollowupParty } from '@/lib/domain/followup';
import { hashSeed, Rng } from './prng';
import type { DemoData } from './types';

export interface DemoFollowup {
  id: number;
  kodeKota: string;
  kodeSls: string;
  tanggal: string;
  parties: FollowupParty[];
  visited: number;
  agreed: number;
  stillRefusing: number;
  note: string | null;
  createdBy: string;
}

/** Notes a lurah's staff would write: the situation, never a family. */
const NOTES_AGREED = ['Didampingi ketua RT, keluarga bersedia setelah dijelaskan manfaatnya.', 'Sebagian bersedia, sebagian minta datang sore.', null];
const NOTES_NONE = ['Kepala keluarga kerja shift; dijadwalkan ulang hari Sabtu.', 'Masih khawatir soal bantuan dicabut; akan dikunjungi lagi bersama lurah.', null];

interface Point {
  menolak: number;
  tidakDitemui: number;
}

/** Carried-forward menolak and tidak ditemui per SLS and date (current report versions only). */
function slsSeries(data: DemoData): Map<string, Map<string, Point>> {
  const current = new Map<string, DemoData['reports'][number]>();
  for (const r of data.reports) current.set(`${r.kodeSubsls}|${r.tanggal}`, r);
  const bySub = new Map<string, DemoData['reports'][number][]>();
  for (const r of current.values()) bySub.set(r.kodeSubsls, [...(bySub.get(r.kodeSubsls) ?? []), r]);
  const dates = [...new Set([...current.values()].map((r) => r.tanggal))].sort();
  const out = new Map<string, Map<string, Point>>();
  for (const [sub, rows] of bySub) {
    rows.sort((a, b) => a.tanggal.localeCompare(b.tanggal));
    const sls = codeAtLevel(sub, 'sls');
    const series = out.get(sls) ?? out.set(sls, new Map()).get(sls)!;
    let i = -1;
    for (const d of dates) {
      while (i + 1 < rows.length && rows[i + 1].tanggal <= d) i++;
      if (i < 0) continue;
      const p = series.get(d) ?? { menolak: 0, tidakDitemui: 0 };
      series.set(d, { menolak: p.menolak + rows[i].menolak, tidakDitemui: p.tidakDitemui + rows[i].tidakDitemui });
    }
  }
  return out;
}

/**
 * A visit the day or two before each drop in an SLS's refusals (agreed = the refusals that
 * dropped), kept with a probability that grows with the kelurahan's refusals, plus visits that
 * converted nobody; a few hundred over the window at scale 1, mostly in high-refusal kelurahan.
 */
export function demoFollowups(data: DemoData): DemoFollowup[] {
  const rng = new Rng(hashSeed(2022, 17, data.reports.length));
  const series = slsSeries(data);
  const kelName = new Map(data.areas.filter((a) => a.level === 'kelurahan').map((a) => [a.code, a.name]));
  const kelRefusals = new Map<string, number>();
  for (const [sls, s] of series) {
    const last = [...s.values()].at(-1)?.menolak ?? 0;
    kelRefusals.set(codeAtLevel(sls, 'kelurahan'), (kelRefusals.get(codeAtLevel(sls, 'kelurahan')) ?? 0) + last);
  }
  const maxKel = Math.max(1, ...kelRefusals.values());
  const out: DemoFollowup[] = [];
  for (const [sls, s] of [...series].sort(([a], [b]) => a.localeCompare(b))) {
    const weight = (kelRefusals.get(codeAtLevel(sls, 'kelurahan')) ?? 0) / maxKel;
    const dates = [...s.keys()];
    for (let i = 2; i < dates.length; i++) {
      const drop = s.get(dates[i - 1])!.menolak - s.get(dates[i])!.menolak;
      const converts = drop > 0 && rng.chance(0.15 + 0.75 * weight * weight);
      const idle = drop <= 0 && s.get(dates[i - 1])!.menolak > 0 && rng.chance(0.02 * weight);
      if (!converts && !idle) continue;
      const tanggal = addDays(dates[i], -rng.int(1, 2));
      const before = s.get(tanggal) ?? s.get(dates[i - 1])!;
      const open = before.menolak + before.tidakDitemui;
      const agreed = Math.min(Math.max(drop, 0), open);
      const visited = Math.min(open, agreed + rng.int(0, 2));
      if (visited === 0) continue;
      const stillRefusing = Math.min(visited - agreed, Math.max(0, before.menolak - agreed));
      const kel = codeAtLevel(sls, 'kelurahan');
      out.push({
        id: out.length + 1,
        kodeKota: codeAtLevel(sls, 'kota'),
        kodeSls: sls,
        tanggal,
        parties: rng.chance(0.5) ? ['staf_kelurahan', 'ketua_rt'] : rng.chance(0.5) ? ['ketua_rt', 'pml'] : ['pml', 'ppl'],
        visited,
        agreed,
        stillRefusing,
        note: (agreed > 0 ? NOTES_AGREED : NOTES_NONE)[rng.int(0, 2)],
        createdBy: `lurah-${slugify(kelName.get(kel) ?? kel)}`,
      });
    }
  }
  return out;
}
