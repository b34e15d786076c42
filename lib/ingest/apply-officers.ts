// Officers (PPL, PML, Koseka) and who supervises whom → officer. Updated in place, never removed;
// the hierarchy is kept: a PPL reports to a PML, a PML to a Koseka (or nobody), a Koseka to nobody.
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import { bulkInsert } from '@/lib/db/bulk';
import type { OfficerRole } from '@/lib/domain/types';
import type { Actor } from './actor';
import type { MasterOutcome } from './apply-areas';
import type { OfficerInput, Parsed } from './parse-rows';
import { collapseDuplicates } from './duplicates';
import type { FieldError } from './reasons';

type Row = Parsed<OfficerInput>;

interface StoredOfficer {
  code: string;
  role: OfficerRole;
  name: string;
  supervisor_code: string | null;
  phone: string | null;
  area_code: string;
  assignments: number;
  team: number;
}

const SUPERVISOR_ROLE: Record<OfficerRole, OfficerRole | null> = { ppl: 'pml', pml: 'koseka', koseka: null };

async function loadOfficers(tx: Db, kodeKota: string, codes: string[]): Promise<Map<string, StoredOfficer>> {
  const rows = await queryRows<StoredOfficer>(
    tx,
    sql`select o.code, o.role, o.name, o.supervisor_code, o.phone, o.area_code,
      (select count(*)::int from assignment s where s.kode_kota = o.kode_kota and s.kode_petugas = o.code) as assignments,
      (select count(*)::int from officer t where t.kode_kota = o.kode_kota and t.supervisor_code = o.code) as team
    from officer o where o.kode_kota = ${kodeKota} and o.code = any(${arrayParam(codes)}::text[])`,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

async function loadAreaCodes(tx: Db, kodeKota: string, codes: string[]): Promise<Set<string>> {
  const rows = await queryRows<{ code: string }>(
    tx,
    sql`select code from area where kode_kota = ${kodeKota} and code = any(${arrayParam(codes)}::text[])`,
  );
  return new Set(rows.map((r) => r.code));
}

function supervisorErrors(o: OfficerInput, roleOf: (code: string) => OfficerRole | undefined): FieldError[] {
  const expected = SUPERVISOR_ROLE[o.role];
  if (!o.supervisorCode) return o.role === 'ppl' ? [{ field: 'kode_pengawas', code: 'supervisor_required', params: { value: '' } }] : [];
  if (!expected) return [{ field: 'kode_pengawas', code: 'supervisor_not_allowed', params: { value: o.supervisorCode } }];
  const actual = roleOf(o.supervisorCode);
  if (!actual) return [{ field: 'kode_pengawas', code: 'supervisor_missing', params: { value: o.supervisorCode } }];
  if (actual !== expected) {
    return [{ field: 'kode_pengawas', code: 'supervisor_role', params: { value: o.supervisorCode, role: o.role.toUpperCase(), expected: expected.toUpperCase(), actual: actual.toUpperCase() } }];
  }
  return [];
}

function roleChangeErrors(o: OfficerInput, before: StoredOfficer | undefined): FieldError[] {
  if (!before || before.role === o.role) return [];
  if (before.assignments > 0) return [{ field: 'peran', code: 'role_has_assignments', params: { value: o.code } }];
  if (before.team > 0) return [{ field: 'peran', code: 'role_has_team', params: { value: o.code } }];
  return [];
}

/** Loads an officers file as `actor` (a city-wide scope) inside the caller's locked transaction. */
export async function applyOfficers(tx: Db, actor: Actor, input: Row[]): Promise<MasterOutcome> {
  const kodeKota = actor.scope.kodeKota;
  const out: MasterOutcome = { accepted: 0, replaced: 0, unchanged: 0, rejections: [] };
  const { rows, repeats } = collapseDuplicates(input, (o) => o.code, 'kode_petugas', out.rejections);
  out.unchanged += repeats;
  const codes = [...new Set(rows.flatMap((r) => [r.record.code, r.record.supervisorCode ?? r.record.code]))];
  const stored = await loadOfficers(tx, kodeKota, codes);
  const areas = await loadAreaCodes(tx, kodeKota, [...new Set(rows.map((r) => r.record.areaCode))]);
  const fileRole = new Map(rows.map((r) => [r.record.code, r.record.role]));
  const roleOf = (code: string) => fileRole.get(code) ?? stored.get(code)?.role;
  const writes: OfficerInput[] = [];
  for (const row of rows) {
    const o = row.record;
    const errors: FieldError[] = [...supervisorErrors(o, roleOf), ...roleChangeErrors(o, stored.get(o.code))];
    if (!o.areaCode.startsWith(kodeKota) || !areas.has(o.areaCode)) errors.push({ field: 'kode_wilayah', code: 'area_not_found', params: { value: o.areaCode } });
    if (errors.length) {
      out.rejections.push({ index: row.index, line: row.line, values: row.values, errors });
      continue;
    }
    const before = stored.get(o.code);
    const same = before && before.role === o.role && before.name === o.name && before.supervisor_code === o.supervisorCode && before.phone === o.phone && before.area_code === o.areaCode;
    if (same) out.unchanged++;
    else {
      if (before) out.replaced++;
      else out.accepted++;
      writes.push(o);
    }
  }
  dropOrphans(rows, writes, stored, out);
  if (writes.length) await writeOfficers(tx, kodeKota, writes);
  out.rejections.sort((a, b) => a.index - b.index);
  return out;
}

/** A supervisor refused above leaves the officers under them pointing nowhere: refuse those too, down the chain. */
function dropOrphans(rows: Row[], writes: OfficerInput[], stored: Map<string, StoredOfficer>, out: MasterOutcome): void {
  for (;;) {
    const written = new Set(writes.map((w) => w.code));
    const orphan = writes.find((w) => w.supervisorCode && !stored.has(w.supervisorCode) && !written.has(w.supervisorCode));
    if (!orphan) return;
    const row = rows.find((r) => r.record === orphan)!;
    writes.splice(writes.indexOf(orphan), 1);
    if (stored.has(orphan.code)) out.replaced--;
    else out.accepted--;
    out.rejections.push({ index: row.index, line: row.line, values: row.values, errors: [{ field: 'kode_pengawas', code: 'supervisor_missing', params: { value: orphan.supervisorCode! } }] });
  }
}

async function writeOfficers(tx: Db, kodeKota: string, writes: OfficerInput[]) {
  const order: Record<OfficerRole, number> = { koseka: 0, pml: 1, ppl: 2 };
  writes.sort((a, b) => order[a.role] - order[b.role]);
  await bulkInsert(
    tx,
    'officer',
    [
      ['code', 'text', writes.map((w) => w.code)],
      ['kode_kota', 'text', writes.map(() => kodeKota)],
      ['role', 'text', writes.map((w) => w.role)],
      ['name', 'text', writes.map((w) => w.name)],
      ['supervisor_code', 'text', writes.map((w) => w.supervisorCode)],
      ['phone', 'text', writes.map((w) => w.phone)],
      ['area_code', 'text', writes.map((w) => w.areaCode)],
    ],
    sql`on conflict (code, kode_kota) do update set role = excluded.role, name = excluded.name,
      supervisor_code = excluded.supervisor_code, phone = excluded.phone, area_code = excluded.area_code`,
  );
}
