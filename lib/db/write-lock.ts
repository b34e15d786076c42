import 'server-only';
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from './client';

// The advisory locks of writes (taken by writeKota, lib/ingest/import-job.ts): a kab/kota's lock,
// exclusive for master data and shared for reports, and one per kelurahan a report write touches.

/** Lock keys: one per kab/kota, one per kelurahan (advisory, held until the transaction ends). */
export const kotaKey = (kodeKota: string) => `pantau.ingest.${kodeKota}`;
export const kelurahanKey = (code: string) => `pantau.ingest.kel.${code}`;

/** How a write holds its kab/kota: the whole kota, or (reports) only the kelurahan it writes. */
export type WriteLock = { kind: 'kota' } | { kind: 'kelurahan'; codes: readonly string[] };

/**
 * Takes a write's locks, held until its transaction ends: the kota's exclusively, or the kota's
 * shared and then every kelurahan's exclusively in code order (one statement: the sorted rows
 * are locked one after the other, so two writers never wait on each other in a cycle).
 */
export async function takeWriteLock(tx: Db, kodeKota: string, lock: WriteLock): Promise<void> {
  if (lock.kind === 'kota') {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${kotaKey(kodeKota)}))`);
    return;
  }
  const keys = [...new Set(lock.codes)].sort().map(kelurahanKey);
  await tx.execute(sql`select pg_advisory_xact_lock_shared(hashtext(${kotaKey(kodeKota)})),
    (select count(*) from (select pg_advisory_xact_lock(hashtext(k.key)) from unnest(${arrayParam(keys)}::text[])
      with ordinality k(key, n) order by k.n) locked)`);
}

/**
 * A write of reports needed more than its kelurahan locks allow (a sub-SLS without a rollup row,
 * or a window changed under it: the kelurahan's rollup is rebuilt, kecamatan and kota rows
 * re-summed). writeKota runs the transaction again holding the kota's lock exclusively.
 */
export class KotaLockNeeded extends Error {
  constructor() {
    super('this write rebuilds rollup rows of the kota: it needs the kota lock exclusively');
  }
}

/** Whether the transaction holds its kab/kota's lock exclusively (a report write may then rebuild rollup rows of the kota). */
export async function holdsKotaExclusively(tx: Db, kodeKota: string): Promise<boolean> {
  const [row] = await queryRows<{ held: boolean }>(
    tx,
    sql`select exists (select 1 from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted
      and mode = 'ExclusiveLock' and objid = hashtext(${kotaKey(kodeKota)})::oid) as held`,
  );
  return row?.held ?? false;
}
