// Who signs in for the access matrix, and which concrete area / officer / account stands for
// each relation to that user's root. Picked from the deterministic demo at scale 2 (the same
// data the server is seeded with), so nothing here is a hand-copied code that can drift.
import path from 'node:path';
import { demoAccounts } from '@/lib/auth/demo-users';
import { generateDemo, type DemoData } from '@/lib/demo/generate';
import { DEMO_TODAY } from '@/lib/demo/seed';
import type { Role } from '@/lib/domain/roles';

export const RELATIONS = ['own', 'ancestor', 'sibling', 'descendant', 'foreign'] as const;
export type Relation = (typeof RELATIONS)[number];
/** area: any area code; subsls: a 16-digit sub-SLS (what reports are about); officer: an officer code; user: a username. */
export type ParamKind = 'area' | 'subsls' | 'officer' | 'user';
export type Targets = Record<ParamKind, Partial<Record<Relation, string>>>;

export interface MatrixUser {
  role: Role;
  username: string;
  targets: Targets;
  /** True when an area code seen in a page or response is one this user may see (or an ancestor of one). */
  allowsArea: (code: string) => boolean;
}

export const HOME_KOTA = '6471';
/** The lurah of the matrix: Manggar Baru. */
const MATRIX_KELURAHAN = '6471020002';
export const FOREIGN_KOTA = '9901';

/** The demo exactly as `db:seed --scale 2` generates it. */
export function matrixDemo(): DemoData {
  return generateDemo({ seed: 2022, scale: 2, today: DEMO_TODAY, referenceDir: path.resolve('data/reference') });
}

const foreignOf = (code: string) => FOREIGN_KOTA + code.slice(4);

/**
 * A PPL of the home kota who works in two kelurahan (the demo hands a few a neighbour's sub-SLS,
 * lib/demo/officers.ts), one of them `kel` — by preference the matrix's kelurahan, whose code the
 * app's own hints show on every page. `lurah` is kel's lurah, `own` the PPL's sub-SLS in kel,
 * `other` their other kelurahan and `otherOnly` a PPL working only there.
 */
export interface CrossingOfficer {
  code: string;
  kel: string;
  other: string;
  lurah: string;
  own: string[];
  otherOnly: string;
}

export function crossingOfficer(data: DemoData, prefer = MATRIX_KELURAHAN): CrossingOfficer {
  const officers = new Map(data.officers.map((o) => [o.code, o]));
  const kelOf = new Map<string, Set<string>>();
  for (const a of data.assignments) (kelOf.get(a.kodePetugas) ?? kelOf.set(a.kodePetugas, new Set()).get(a.kodePetugas)!).add(a.kodeSubsls.slice(0, 10));
  const crossing = [...kelOf].filter(([c, kels]) => kels.size > 1 && officers.get(c)!.kodeKota === HOME_KOTA);
  const [code, kels] = crossing.find(([, k]) => k.has(prefer)) ?? crossing[0];
  const kel = kels.has(prefer) ? prefer : officers.get(code)!.areaCode;
  const other = [...kels].find((k) => k !== kel)!;
  const lurah = demoAccounts(data).find((a) => a.role === 'lurah' && a.areaCode === kel)!.username;
  const own = data.assignments.filter((a) => a.kodePetugas === code && a.kodeSubsls.startsWith(kel)).map((a) => a.kodeSubsls);
  const otherOnly = [...kelOf].find(([c, k]) => k.size === 1 && k.has(other) && officers.get(c)!.areaCode === other)![0];
  return { code, kel, other, lurah, own, otherOnly };
}

export function matrixUsers(data: DemoData): MatrixUser[] {
  const home = (o: { kodeKota: string }) => o.kodeKota === HOME_KOTA;
  const subsOf = new Map<string, string[]>();
  for (const a of data.assignments) (subsOf.get(a.kodePetugas) ?? subsOf.set(a.kodePetugas, []).get(a.kodePetugas)!).push(a.kodeSubsls);
  const ppls = data.officers.filter((o) => o.role === 'ppl' && home(o));
  const firstSls = (kel: string) => data.areas.find((a) => a.level === 'sls' && a.parentCode === kel)!.code;
  const firstSub = (prefix: string) => data.areas.find((a) => a.level === 'subsls' && a.code.startsWith(prefix))!.code;
  const pplIn = (kel: string) => ppls.find((o) => o.areaCode === kel)!;
  const byPrefix = (prefix: string) => (code: string) => code.startsWith(prefix) || prefix.startsWith(code);

  const kota = HOME_KOTA;
  const kec = '6471020';
  const kel = MATRIX_KELURAHAN;
  const cityUser = (role: Role, username: string): MatrixUser => ({
    role,
    username,
    allowsArea: byPrefix(kota),
    targets: {
      area: { own: kota, descendant: kec, foreign: FOREIGN_KOTA },
      subsls: { own: firstSub(kel), foreign: foreignOf(firstSub(kel)) },
      officer: { own: pplIn(kel).code, foreign: foreignOf(pplIn(kel).code) },
      user: { own: 'lurah-manggar-baru', foreign: 'lurah-manggar-baru-2' },
    },
  });

  const lurahPpl = pplIn(kel);
  const lurahPml = data.officers.find((o) => o.code === lurahPpl.supervisorCode)!;
  // A PML, one PPL of theirs and a PPL of another team in the same kelurahan.
  const pml = lurahPml;
  const team = new Set(ppls.filter((o) => o.supervisorCode === pml.code).map((o) => o.code));
  const teamSubs = [...team].flatMap((c) => subsOf.get(c) ?? []);
  const otherInKel = ppls.find((o) => !team.has(o.code) && o.areaCode === lurahPpl.areaCode) ?? ppls.find((o) => !team.has(o.code))!;
  const ppl = lurahPpl;
  const pplSubs = subsOf.get(ppl.code)!;
  const neighbour = ppls.find((o) => o.code !== ppl.code && o.areaCode === ppl.areaCode)!;

  // The lurah of a kelurahan with a PPL who also works next door: they see that PPL (over their
  // own sub-SLS only), never the other kelurahan nor its PPL.
  const cross = crossingOfficer(data);
  const crossLurah: MatrixUser = {
    role: 'lurah',
    username: cross.lurah,
    allowsArea: byPrefix(cross.kel),
    targets: {
      area: { own: cross.kel, ancestor: cross.kel.slice(0, 7), sibling: cross.other, descendant: cross.own[0].slice(0, 14), foreign: foreignOf(cross.kel) },
      subsls: { own: cross.own[0], sibling: firstSub(cross.other), foreign: foreignOf(cross.own[0]) },
      officer: { own: cross.code, sibling: cross.otherOnly, foreign: foreignOf(cross.code) },
      user: {},
    },
  };

  return [
    cityUser('admin', 'admin'),
    cityUser('pimpinan', 'pimpinan'),
    {
      role: 'camat',
      username: 'camat-balikpapan-timur',
      allowsArea: byPrefix(kec),
      targets: {
        area: { own: kec, ancestor: kota, sibling: '6471010', descendant: kel, foreign: foreignOf(kec) },
        subsls: { own: firstSub(kel), sibling: firstSub('6471010'), foreign: foreignOf(firstSub(kel)) },
        officer: { own: lurahPpl.code, sibling: ppls.find((o) => !o.areaCode.startsWith(kec))!.code, foreign: foreignOf(lurahPpl.code) },
        user: {},
      },
    },
    {
      role: 'lurah',
      username: 'lurah-manggar-baru',
      allowsArea: byPrefix(kel),
      targets: {
        area: { own: kel, ancestor: kec, sibling: '6471020001', descendant: firstSls(kel), foreign: foreignOf(kel) },
        subsls: { own: firstSub(kel), sibling: firstSub('6471020001'), foreign: foreignOf(firstSub(kel)) },
        officer: { own: lurahPpl.code, ancestor: lurahPml.code, sibling: pplIn('6471020001').code, foreign: foreignOf(lurahPpl.code) },
        user: {},
      },
    },
    {
      role: 'pml',
      username: `pml-${pml.code}`,
      allowsArea: (code) => teamSubs.some((s) => s.startsWith(code)),
      targets: {
        area: { own: teamSubs[0], ancestor: teamSubs[0].slice(0, 14), sibling: subsOf.get(otherInKel.code)![0], foreign: foreignOf(teamSubs[0]) },
        subsls: { own: teamSubs[0], sibling: subsOf.get(otherInKel.code)![0], foreign: foreignOf(teamSubs[0]) },
        officer: { own: [...team][0], ancestor: pml.supervisorCode!, sibling: otherInKel.code, foreign: foreignOf([...team][0]) },
        user: {},
      },
    },
    {
      role: 'ppl',
      username: `ppl-${ppl.code}`,
      allowsArea: (code) => pplSubs.some((s) => s.startsWith(code)),
      targets: {
        area: { own: pplSubs[0], ancestor: ppl.areaCode, sibling: subsOf.get(neighbour.code)![0], foreign: foreignOf(pplSubs[0]) },
        subsls: { own: pplSubs[0], sibling: subsOf.get(neighbour.code)![0], foreign: foreignOf(pplSubs[0]) },
        officer: { own: ppl.code, ancestor: ppl.supervisorCode!, sibling: neighbour.code, foreign: foreignOf(ppl.code) },
        user: {},
      },
    },
    crossLurah,
  ];
}
