// Assignments (sub-SLS → PPL) → assignment: one PPL per sub-SLS; a new row moves the sub-SLS.
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import { bulkInsert } from '@/lib/db/bulk';
import { areaVisible } from '@/lib/db/scope-sql';
import type { Actor } from './actor';
import type { MasterOutcome } from './apply-areas';
import type { AssignmentInput, Parsed } from './parse-rows';
import { collapseDuplicates } from './duplicates';
import type { FieldError } from './reasons';

type Row = Parsed<AssignmentInput>;

/** Loads an assignments file as `actor` (a city-wide scope) inside the caller's locked transaction. */
export async function applyAssignments(tx: Db, actor: Actor, rows: Row[]): Promise<MasterOutcome> {
  const { scope } = actor;
  const out: MasterOutcome = { accepted: 0, replaced: 0, unchanged: 0, rejections: [] };
  const { rows: input, repeats } = collapseDuplicates(rows, (a) => a.kodeSubsls, 'kode_subsls', out.rejections);
  out.unchanged += repeats;
  const subsls = await queryRows<{ code: string; holder: string | null }>(
    tx,
    sql`select a.code, s.kode_petugas as holder from area a
    left join assignment s on s.kode_subsls = a.code and s.kode_kota = a.kode_kota
    where a.kode_kota = ${scope.kodeKota} and a.level = 'subsls'
      and a.code = any(${arrayParam([...new Set(input.map((r) => r.record.kodeSubsls))])}::text[]) and ${areaVisible(scope, sql`a.code`)}`,
  );
  const officers = await queryRows<{ code: string; role: string }>(
    tx,
    sql`select code, role from officer where kode_kota = ${scope.kodeKota}
      and code = any(${arrayParam([...new Set(input.map((r) => r.record.kodePetugas))])}::text[])`,
  );
  const holder = new Map(subsls.map((s) => [s.code, s.holder]));
  const role = new Map(officers.map((o) => [o.code, o.role]));
  const writes: AssignmentInput[] = [];
  for (const row of input) {
    const a = row.record;
    const errors: FieldError[] = [];
    if (!holder.has(a.kodeSubsls)) errors.push({ field: 'kode_subsls', code: 'subsls_not_found', params: { value: a.kodeSubsls } });
    const r = role.get(a.kodePetugas);
    if (!r) errors.push({ field: 'kode_petugas', code: 'officer_not_found', params: { value: a.kodePetugas } });
    else if (r !== 'ppl') errors.push({ field: 'kode_petugas', code: 'not_ppl', params: { value: a.kodePetugas } });
    if (errors.length) out.rejections.push({ index: row.index, line: row.line, values: row.values, errors });
    else if (holder.get(a.kodeSubsls) === a.kodePetugas) out.unchanged++;
    else {
      if (holder.get(a.kodeSubsls)) out.replaced++;
      else out.accepted++;
      writes.push(a);
    }
  }
  if (writes.length) {
    await bulkInsert(
      tx,
      'assignment',
      [
        ['kode_subsls', 'text', writes.map((w) => w.kodeSubsls)],
        ['kode_kota', 'text', writes.map(() => scope.kodeKota)],
        ['kode_petugas', 'text', writes.map((w) => w.kodePetugas)],
      ],
      sql`on conflict (kode_subsls, kode_kota) do update set kode_petugas = excluded.kode_petugas`,
    );
  }
  out.rejections.sort((a, b) => a.index - b.index);
  return out;
}
