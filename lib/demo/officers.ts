// Officers of one demo city: PPL (consecutive sub-SLS of one kelurahan, ~272 families each),
// PML (~4 PPL of one kecamatan each) and Koseka (BPS staff, 2 per kecamatan), plus assignments.
import type { OfficerRole } from '../domain/types';
import type { DemoAssignment, DemoOfficer } from './types';
import type { CityLayout } from './areas';
import { apportion, partitionContiguous } from './allocate';
import { officerName, officerPhone } from './names';
import type { Rng } from './prng';

export const PPL_PER_CITY = 883;
export const PML_PER_CITY = 221;
export const KOSEKA_PER_KECAMATAN = 2;

const ROLE_DIGIT: Record<OfficerRole, string> = { ppl: '1', pml: '2', koseka: '3' };

export interface PplPlan {
  code: string;
  supervisorCode: string;
  kel: number; // index into CityLayout.kelurahan
  subs: number[]; // indices into CityLayout.subsls, in working order
}

export interface CityStaff {
  officers: DemoOfficer[];
  assignments: DemoAssignment[];
  /** The simulation's plan: who walks which sub-SLS (a handed-over one stays in its old plan). */
  ppl: PplPlan[];
  /** Sub-SLS (index) handed over to a PPL of the neighbouring kelurahan → that PPL (index into ppl). */
  handedOver: Map<number, number>;
}

export function officerCode(kodeKota: string, role: OfficerRole, serial: number): string {
  if (serial < 1 || serial > 9999) throw new Error(`officer serial ${serial} out of range`);
  return kodeKota + ROLE_DIGIT[role] + String(serial).padStart(4, '0');
}

/** PPL of each kelurahan with their consecutive sub-SLS, numbered in kelurahan order. */
function planPpl(layout: CityLayout): Omit<PplPlan, 'supervisorCode'>[] {
  const counts = apportion(PPL_PER_CITY, layout.kelurahan.map((k) => k.families), 1);
  const out: Omit<PplPlan, 'supervisorCode'>[] = [];
  layout.kelurahan.forEach((kel, ki) => {
    const m = counts[ki];
    if (m > kel.subs.length) throw new Error(`kelurahan ${kel.code}: ${m} PPL for ${kel.subs.length} sub-SLS`);
    const starts = partitionContiguous(kel.subs.map((s) => layout.subsls[s].prelist), m);
    starts.forEach((start, g) => {
      const end = g + 1 < m ? starts[g + 1] : kel.subs.length;
      out.push({ code: officerCode(layout.spec.kodeKota, 'ppl', out.length + 1), kel: ki, subs: kel.subs.slice(start, end) });
    });
  });
  return out;
}

function officer(layout: CityLayout, rng: Rng, o: Pick<DemoOfficer, 'code' | 'role' | 'supervisorCode' | 'areaCode'>): DemoOfficer {
  return { code: o.code, kodeKota: layout.spec.kodeKota, role: o.role, name: officerName(rng), supervisorCode: o.supervisorCode, phone: officerPhone(rng), areaCode: o.areaCode };
}

/** Koseka and PML per kecamatan; returns the PML code of every PPL (same order as `ppl`). */
function planSupervisors(layout: CityLayout, ppl: Omit<PplPlan, 'supervisorCode'>[], rng: Rng, officers: DemoOfficer[]): string[] {
  const kodeKota = layout.spec.kodeKota;
  const byKec = layout.kecamatanCodes.map((kec) => ppl.map((p, i) => (layout.kelurahan[p.kel].kecCode === kec ? i : -1)).filter((i) => i >= 0));
  const pmlCounts = apportion(PML_PER_CITY, byKec.map((list) => list.length), 1);
  const pmlOf = new Array<string>(ppl.length);
  let kosekaSerial = 0;
  let pmlSerial = 0;
  const pmlOfficers: DemoOfficer[] = [];
  layout.kecamatanCodes.forEach((kec, ki) => {
    const koseka = Array.from({ length: KOSEKA_PER_KECAMATAN }, () => officerCode(kodeKota, 'koseka', ++kosekaSerial));
    for (const code of koseka) officers.push(officer(layout, rng, { code, role: 'koseka', supervisorCode: null, areaCode: kec }));
    const teams = apportion(byKec[ki].length, new Array(pmlCounts[ki]).fill(1), 1);
    let next = 0;
    teams.forEach((size, t) => {
      const code = officerCode(kodeKota, 'pml', ++pmlSerial);
      const boss = koseka[Math.floor((t * KOSEKA_PER_KECAMATAN) / teams.length)];
      pmlOfficers.push(officer(layout, rng, { code, role: 'pml', supervisorCode: boss, areaCode: kec }));
      for (const i of byKec[ki].slice(next, next + size)) pmlOf[i] = code;
      next += size;
    });
  });
  officers.push(...pmlOfficers);
  return pmlOf;
}

/**
 * Cross-kelurahan work, as in real fieldwork: at every other border between two kelurahan of one
 * kecamatan (in code order), the last sub-SLS of the first kelurahan goes to the PPL who starts
 * the second — about 1–2 % of PPL then hold sub-SLS in two kelurahan. Deterministic and drawing
 * nothing, so the simulation and every other officer stay as they were.
 */
function handOver(layout: CityLayout, ppl: readonly PplPlan[]): Map<number, number> {
  const out = new Map<number, number>();
  let border = 0;
  for (let i = 0; i + 1 < ppl.length; i++) {
    const [from, to] = [ppl[i], ppl[i + 1]];
    if (from.kel === to.kel || layout.kelurahan[from.kel].kecCode !== layout.kelurahan[to.kel].kecCode) continue;
    if (border++ % 2 === 0 && from.subs.length >= 2) out.set(from.subs[from.subs.length - 1], i + 1);
  }
  return out;
}

/** Officers (koseka, PML, PPL: supervisors first) and one assignment per sub-SLS. */
export function buildCityStaff(layout: CityLayout, rng: Rng): CityStaff {
  const officers: DemoOfficer[] = [];
  const bare = planPpl(layout);
  const pmlOf = planSupervisors(layout, bare, rng, officers);
  const ppl = bare.map((p, i) => ({ ...p, supervisorCode: pmlOf[i] }));
  const handedOver = handOver(layout, ppl);
  const assignments: DemoAssignment[] = [];
  for (const p of ppl) {
    officers.push(officer(layout, rng, { code: p.code, role: 'ppl', supervisorCode: p.supervisorCode, areaCode: layout.kelurahan[p.kel].code }));
    for (const s of p.subs) {
      const holder = ppl[handedOver.get(s) ?? -1] ?? p;
      assignments.push({ kodeSubsls: layout.subsls[s].code, kodePetugas: holder.code, kodeKota: layout.spec.kodeKota });
    }
  }
  return { officers, assignments, ppl, handedOver };
}
