// "Perlu perhatian": the few child areas and PPL of an area most behind, with whom to call, and
// how many PPL have not reported on the as-of day. Everything through scoped queries; the
// ranking is lib/domain/attention.ts.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { levelBelow, levelOfCode } from '@/lib/domain/area-code';
import { daysLate, mostBehind } from '@/lib/domain/attention';
import type { OfficerStatus } from '@/lib/domain/officer-status';
import type { StatusDetail } from '@/lib/domain/status';
import type { Scope } from '@/lib/domain/scope';
import { type AreaLevel, type CampaignWindow, type Status, type StatusReason } from '@/lib/domain/types';
import { listAreaOfficers, type OfficerContact } from './area-officers';
import { listAreaChildren } from './areas';
import { listOfficers, listSilentOfficers, type SilentOfficer } from './officers';

export interface AttentionArea {
  code: string;
  name: string;
  level: AreaLevel;
  status: Status;
  statusReason: StatusReason;
  statusDetail: StatusDetail | null;
  progres: number | null;
  projectedFinish: string | null;
  /** Complete days behind pace7 (lib/domain/forecast-presentation.ts words the forecast with it). */
  paceDays: number;
  /** Days the projected finish lies after the last day; null without a forecast (no pace). */
  daysLate: number | null;
  ppl: OfficerContact[];
  pml: OfficerContact[];
}

export interface AttentionOfficer extends OfficerContact {
  status: OfficerStatus;
  statusReason: StatusReason;
  statusDetail: StatusDetail | null;
  progres: number | null;
  projectedFinish: string | null;
  paceDays: number;
  daysLate: number | null;
  daysSilent: number;
  lastReport: string | null;
  pml: OfficerContact | null;
}

export interface Attention {
  asOf: string;
  areas: AttentionArea[];
  officers: AttentionOfficer[];
  /** PPL under the area with no report dated asOf (their work not finished): "belum lapor". */
  silentCount: number;
}

interface Params {
  code: string;
  asOf: string;
  window: CampaignWindow;
  limit?: number;
}

const finiteLate = (finish: string | null, endDate: string) => {
  const late = daysLate(finish, endDate);
  return Number.isFinite(late) ? late : null;
};

/** The PPL working in the area (holding a visible sub-SLS under it), with PML contacts by code. */
async function areaWorkers(db: Db, scope: Scope, code: string) {
  const level = levelOfCode(code);
  const group = level ? (await listAreaOfficers(db, scope, { code, level })).get(code) : undefined;
  return { ppl: new Set(group?.ppl.map((o) => o.code) ?? []), pml: new Map((group?.pml ?? []).map((o) => [o.code, o])) };
}

/**
 * "Belum lapor" in one area: PPL working there (visible in the scope) with no report dated asOf
 * and work left — the same rule as /petugas's list, narrowed to the area.
 */
export async function listSilentInArea(db: Db, scope: Scope, params: Params): Promise<SilentOfficer[]> {
  const [workers, silent] = await Promise.all([areaWorkers(db, scope, params.code), listSilentOfficers(db, scope, params)]);
  return silent.filter((o) => workers.ppl.has(o.code));
}

/** The attention block of an area as of a date, within the scope; null when no such level. */
export async function getAttention(db: Db, scope: Scope, params: Params): Promise<Attention | null> {
  const { code, asOf, window } = params;
  const limit = params.limit ?? 3;
  const level = levelOfCode(code);
  if (!level) return null;
  const childLevel = levelBelow(level);
  const [children, contacts, workers, officers, silent] = await Promise.all([
    childLevel ? listAreaChildren(db, scope, { code, asOf, window }) : [],
    childLevel ? listAreaOfficers(db, scope, { code, level: childLevel }) : new Map(),
    areaWorkers(db, scope, code),
    listOfficers(db, scope, { asOf, window, role: 'ppl', sort: 'urgency', pageSize: 1_000_000 }),
    listSilentOfficers(db, scope, { asOf, window }),
  ]);
  const areas = mostBehind(children, window.endDate, limit).map((a) => ({
    code: a.code,
    name: a.name,
    level: a.level,
    status: a.status,
    statusReason: a.statusReason,
    statusDetail: a.statusDetail ?? null,
    progres: a.progres,
    projectedFinish: a.projectedFinish,
    paceDays: a.paceDays,
    daysLate: finiteLate(a.projectedFinish, window.endDate),
    ppl: contacts.get(a.code)?.ppl ?? [],
    pml: contacts.get(a.code)?.pml ?? [],
  }));
  const inArea = officers.rows.filter((r) => workers.ppl.has(r.code));
  const behind = mostBehind(inArea, window.endDate, limit).map((r) => ({
    code: r.code,
    name: r.name,
    phone: r.phone,
    status: r.status,
    statusReason: r.statusReason,
    statusDetail: r.statusDetail ?? null,
    progres: r.progres,
    projectedFinish: r.projectedFinish,
    paceDays: r.paceDays,
    daysLate: finiteLate(r.projectedFinish, window.endDate),
    daysSilent: r.daysSilent,
    lastReport: r.lastReport,
    pml: r.supervisorCode ? (workers.pml.get(r.supervisorCode) ?? { code: r.supervisorCode, name: r.supervisorName ?? r.supervisorCode, phone: null }) : null,
  }));
  return { asOf, areas, officers: behind, silentCount: silent.filter((o) => workers.ppl.has(o.code)).length };
}
