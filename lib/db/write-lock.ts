import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client';

// The advisory locks of writes (taken by writeKota, lib/ingest/import-job.ts): a kab/kota's lock,
// exclusive for master data and shared for reports, and one per kelurahan a report write touches.

/** Lock keys: one per kab/kota, one per kelurahan (advisory, held until the transaction ends). */
export const kotaKey = (kodeKota: string) => `pantau.ingest.${kodeKota}`;
export const kelurahanKey = (code: string) => `pantau.ingest.kel.${code}`;

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
