// Officers in a scope: the paged, sorted, filtered list; the silent-today list; filter options.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { FLAG_IDS, type FlagId } from '@/lib/domain/officer-flags';
import { OFFICER_STATUS_RANK, OFFICER_STATUSES, type OfficerStatus } from '@/lib/domain/officer-status';
import { OFFICER_SORT_KEYS, officerUrgency, type OfficerSortKey } from '@/lib/domain/officer-sort';
import { areaScopeContains, type Scope } from '@/lib/domain/scope';
import type { CampaignWindow, OfficerRole } from '@/lib/domain/types';
import { scopedOfficers } from './officer-scope';
import type { OfficerRow, OfficerTable } from './officer-table';

export type { OfficerRow } from './officer-table';
export { getOfficer, type OfficerDetail, type SubslsProgress } from './officer-detail';
export { listSilentOfficers, type SilentOfficer } from './officer-silent';

export { OFFICER_SORT_KEYS, type OfficerSortKey };

type SortValue = string | number | null;
/** Names compare the Indonesian way; codes and ISO dates compare as plain text. */
const BY_COLLATION = new Set<OfficerSortKey>(['name', 'supervisor']);
const SORT_VALUE: Record<OfficerSortKey, (r: OfficerRow) => SortValue> = {
  urgency: officerUrgency,
  code: (r) => r.code,
  name: (r) => r.name,
  role: (r) => r.role,
  supervisor: (r) => r.supervisorName,
  subsls: (r) => r.subslsCount,
  prelist: (r) => r.prelist,
  selesai: (r) => r.selesai,
  progres: (r) => r.progres,
  pace7: (r) => r.pace7,
  requiredPace: (r) => r.requiredPace,
  projectedFinish: (r) => r.projectedFinish,
  lastReport: (r) => r.lastReport,
  daysSilent: (r) => r.daysSilent,
  tingkatPenolakan: (r) => r.tingkatPenolakan,
  flags: (r) => r.flags.length,
  status: (r) => OFFICER_STATUS_RANK[r.status],
};

export interface OfficerFilters {
  role?: OfficerRole;
  kecamatan?: string;
  kelurahan?: string;
  /** Officers this PML (or Koseka) supervises. */
  pml?: string;
  status?: OfficerStatus;
  flag?: FlagId;
  /** Code prefix or part of the name. */
  q?: string;
}

export interface ListOfficersParams extends OfficerFilters {
  asOf: string;
  window: CampaignWindow;
  sort?: OfficerSortKey;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface OfficerPage {
  asOf: string;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  rows: OfficerRow[];
  /** How many officers match the other filters, per status and per flag (for the filter chips). */
  counts: { status: Record<OfficerStatus, number>; flags: Record<FlagId, number> };
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/** Compares two officers by a column; nulls last in either direction, then by code. */
function compareOfficers(sort: OfficerSortKey, dir: 'asc' | 'desc'): (a: OfficerRow, b: OfficerRow) => number {
  const value = SORT_VALUE[sort];
  const sign = dir === 'desc' ? -1 : 1;
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      const c =
        typeof va === 'number' && typeof vb === 'number'
          ? va - vb
          : BY_COLLATION.has(sort)
            ? collator.compare(String(va), String(vb))
            : String(va) < String(vb)
              ? -1
              : 1;
      if (c !== 0) return sign * c;
    }
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  };
}

function matches(r: OfficerRow, f: OfficerFilters, q: string): boolean {
  if (f.role && r.role !== f.role) return false;
  if (f.kecamatan && r.kecamatanCode !== f.kecamatan) return false;
  if (f.kelurahan && r.kelurahanCode !== f.kelurahan) return false;
  if (f.pml && r.supervisorCode !== f.pml) return false;
  return !q || r.code.toLowerCase().startsWith(q) || r.name.toLowerCase().includes(q);
}

function tally(rows: readonly OfficerRow[]): OfficerPage['counts'] {
  const status = Object.fromEntries(OFFICER_STATUSES.map((s) => [s, 0])) as Record<OfficerStatus, number>;
  const flags = Object.fromEntries(FLAG_IDS.map((f) => [f, 0])) as Record<FlagId, number>;
  for (const r of rows) {
    status[r.status]++;
    for (const f of r.flags) flags[f.id]++;
  }
  return { status, flags };
}

// Views derived from one officer table (sorted lists, filtered lists), dropped with the table
// when the data changes. A request for an already seen list then only slices a page out of it.
const views = new WeakMap<OfficerTable, Map<string, unknown>>();
const MAX_VIEWS_PER_TABLE = 256;

function view<T>(table: OfficerTable, key: string, make: () => T): T {
  const map = views.get(table) ?? views.set(table, new Map()).get(table)!;
  if (map.has(key)) return map.get(key) as T;
  if (map.size >= MAX_VIEWS_PER_TABLE) map.clear();
  const value = make();
  map.set(key, value);
  return value;
}

function sortedRows(table: OfficerTable, sort: OfficerSortKey, dir: 'asc' | 'desc'): OfficerRow[] {
  return view(table, `sorted|${sort}|${dir}`, () => table.entries.map((e) => e.row).sort(compareOfficers(sort, dir)));
}

/** One page of the officers visible in the scope, filtered and sorted by any column. */
export async function listOfficers(db: Db, scope: Scope, params: ListOfficersParams): Promise<OfficerPage> {
  const { table, isVisible } = await scopedOfficers(db, scope, params);
  const q = params.q?.trim().toLowerCase() ?? '';
  const sort = params.sort ?? 'urgency';
  const dir = params.dir ?? 'asc';
  const { role, kecamatan, kelurahan, pml, status, flag } = params;
  const key = JSON.stringify(['list', scope, role, kecamatan, kelurahan, pml, status, flag, q, sort, dir]);
  const { rows, counts } = view(table, key, () => {
    const base = sortedRows(table, sort, dir).filter((r) => isVisible(r.code) && matches(r, params, q));
    const filtered = base.filter((r) => (!status || r.status === status) && (!flag || r.flags.some((f) => f.id === flag)));
    return { rows: filtered, counts: tally(base) };
  });
  const pageSize = Math.max(1, params.pageSize ?? 50);
  const page = Math.max(1, params.page ?? 1);
  return {
    asOf: params.asOf,
    total: rows.length,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(rows.length / pageSize)),
    rows: rows.slice((page - 1) * pageSize, page * pageSize),
    counts,
  };
}

export interface FilterOption {
  code: string;
  name: string;
  /** The kecamatan a kelurahan or PML belongs to. */
  kecamatanCode: string | null;
}

/** Kecamatan, kelurahan and PML to filter the list by: those of the officers the scope sees. */
export async function listOfficerFilterOptions(
  db: Db,
  scope: Scope,
  params: { asOf: string; window: CampaignWindow },
): Promise<{ kecamatan: FilterOption[]; kelurahan: FilterOption[]; pml: FilterOption[] }> {
  const { visible } = await scopedOfficers(db, scope, params);
  const kecamatan = new Map<string, FilterOption>();
  const kelurahan = new Map<string, FilterOption>();
  const pml: FilterOption[] = [];
  // Only areas the scope can open: ?area= answers 404 for any other (a PML or PPL opens none).
  const opens = (code: string | null): code is string => code !== null && areaScopeContains(scope, code);
  for (const { row: r } of visible()) {
    if (opens(r.kecamatanCode)) kecamatan.set(r.kecamatanCode, { code: r.kecamatanCode, name: r.kecamatanName ?? r.kecamatanCode, kecamatanCode: r.kecamatanCode });
    if (opens(r.kelurahanCode)) kelurahan.set(r.kelurahanCode, { code: r.kelurahanCode, name: r.kelurahanName ?? r.kelurahanCode, kecamatanCode: r.kecamatanCode });
    if (r.role === 'pml') pml.push({ code: r.code, name: r.name, kecamatanCode: r.kecamatanCode });
  }
  const byName = (a: FilterOption, b: FilterOption) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
  return { kecamatan: [...kecamatan.values()].sort(byName), kelurahan: [...kelurahan.values()].sort(byName), pml: pml.sort(byName) };
}
