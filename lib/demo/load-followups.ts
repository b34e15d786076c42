import { sql } from 'drizzle-orm';
import { arrayParam, type Db } from '@/lib/db/client';
import { demoFollowups } from './followups';
import type { DemoData } from './types';

const COLUMNS = 'id, kode_kota, kode_sls, tanggal, parties, visited, agreed, still_refusing, note, created_by, version';

/** Replaces the follow-ups with the demo's (version 1 each, also in history); inside the load's transaction. */
export async function insertDemoFollowups(tx: Db, data: DemoData): Promise<void> {
  await tx.execute(sql`truncate followup, followup_history`);
  const f = demoFollowups(data);
  if (f.length === 0) return;
  // One parameter per column (unnest), parties travelling as "a,b" text: unnest cannot take an array of arrays.
  const rows = sql`select t.id, t.kode_kota, t.kode_sls, t.tanggal, string_to_array(t.parties, ','), t.visited, t.agreed, t.still_refusing,
      t.note, t.created_by, 1
    from unnest(${arrayParam(f.map((x) => x.id))}::int8[], ${arrayParam(f.map((x) => x.kodeKota))}::text[], ${arrayParam(f.map((x) => x.kodeSls))}::text[],
      ${arrayParam(f.map((x) => x.tanggal))}::date[], ${arrayParam(f.map((x) => x.parties.join(',')))}::text[], ${arrayParam(f.map((x) => x.visited))}::int4[],
      ${arrayParam(f.map((x) => x.agreed))}::int4[], ${arrayParam(f.map((x) => x.stillRefusing))}::int4[], ${arrayParam(f.map((x) => x.note))}::text[],
      ${arrayParam(f.map((x) => x.createdBy))}::text[])
      as t(id, kode_kota, kode_sls, tanggal, parties, visited, agreed, still_refusing, note, created_by)`;
  await tx.execute(sql`insert into followup_history (history_id, ${sql.raw(COLUMNS)}) select r.id, r.* from (${rows}) r`);
  await tx.execute(sql`insert into followup (${sql.raw(COLUMNS)}) ${rows}`);
  // Follow-ups recorded in the app number on from the demo's.
  await tx.execute(sql`select setval(pg_get_serial_sequence('followup_history', 'history_id'), ${f.length})`);
}
