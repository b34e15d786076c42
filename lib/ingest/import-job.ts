// The record of one upload or API batch (import_job): opened before the work, closed in the
// same transaction as the writes, so what it says always matches what was stored.
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import { noteChange } from '@/lib/db/data-feed';
import { KotaLockNeeded, takeWriteLock, type WriteLock } from '@/lib/db/write-lock';
import { storableJson } from '@/lib/db/jsonb';
import { processName } from '@/lib/db/process';
import type { ImportKind, Params, ProblemCode, RowRejection } from './reasons';

export type ImportSource = 'api' | 'upload' | 'form' | 'simulator';
export type ImportStatus = 'applied' | 'rejected' | 'failed';

export interface Counts {
  accepted: number;
  replaced: number;
  unchanged: number;
}

export interface JobOutcome extends Counts {
  status: ImportStatus;
  totalRows: number;
  rejections: readonly RowRejection[];
  /** A problem with the whole file, kept as code + parameters so it reads in any language. */
  problem?: { code: ProblemCode; params: Params };
}

/**
 * The jobs this process is working on. A job left 'running' by a process that died (kill -9,
 * a crash, a lost database connection while marking it failed) is found by what is not here
 * (settleInterruptedImports): its transaction never committed, so nothing of it was stored.
 * Cached on globalThis: route bundles may each evaluate this module.
 */
const live = ((globalThis as unknown as { pantauLiveImports?: { ids: Set<number>; starting: number } }).pantauLiveImports ??= {
  ids: new Set<number>(),
  starting: 0,
});

export async function startImport(
  db: Db,
  job: { kodeKota: string; kind: ImportKind; source: ImportSource; filename: string | null; createdBy: string },
): Promise<number> {
  live.starting++;
  try {
    const [row] = await queryRows<{ id: number }>(
      db,
      sql`insert into import_job (kode_kota, kind, source, filename, status, created_by, worker)
      values (${job.kodeKota}, ${job.kind}, ${job.source}, ${job.filename}, 'running', ${job.createdBy}, ${processName()}) returning id::int as id`,
    );
    live.ids.add(row.id);
    return row.id;
  } finally {
    live.starting--;
  }
}

/** Called once the job is settled (finished, failed or given up): it is no longer this process's. */
export function releaseImport(id: number): void {
  live.ids.delete(id);
}

/** The problem recorded for a job whose process stopped before it finished. */
export const INTERRUPTED = { code: 'interrupted', params: {} } as const;

/**
 * Marks as failed ('interrupted') every job still 'running' whose process no longer works on
 * it: this process's jobs it has let go of, and other processes' jobs when that process has no
 * connection left (PostgreSQL's pg_stat_activity, by application_name; PGlite has one process).
 * Safe at any time: a job whose transaction committed is never 'running', and one whose
 * transaction did not commit wrote nothing. Runs at startup and before the imports are read.
 * Returns the ids it marked.
 */
export async function settleInterruptedImports(db: Db): Promise<number[]> {
  const me = processName();
  // While an insert is in flight its id is not yet known: leave this process's jobs for later.
  const mine = live.starting > 0 ? sql`false` : sql`not (id = any(${arrayParam([...live.ids])}::bigint[]))`;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update import_job set status = 'failed', finished_at = now(), message = ${JSON.stringify(INTERRUPTED)}
    where status = 'running' and case
      when worker is null then true
      when worker = ${me} then ${mine}
      else not exists (select 1 from pg_stat_activity a where a.application_name = import_job.worker)
    end
    returning id::int as id`,
  );
  return rows.map((r) => r.id);
}

export async function finishImport(tx: Db, kodeKota: string, id: number, outcome: JobOutcome): Promise<void> {
  await tx.execute(sql`update import_job set status = ${outcome.status}, finished_at = now(),
    total_rows = ${outcome.totalRows}, accepted = ${outcome.accepted}, replaced = ${outcome.replaced},
    unchanged = ${outcome.unchanged}, rejected = ${outcome.rejections.length},
    rejections = ${storableJson(outcome.rejections)}::jsonb,
    message = ${outcome.problem ? JSON.stringify(outcome.problem) : null}
    where id = ${id} and kode_kota = ${kodeKota}`);
}

/**
 * Marks a job whose transaction failed: nothing of it was written. When even this fails (the
 * database is gone), the job is released all the same and settleInterruptedImports marks it later.
 */
export async function failImport(db: Db, kodeKota: string, id: number): Promise<void> {
  try {
    await db.execute(sql`update import_job set status = 'failed', finished_at = now()
      where id = ${id} and kode_kota = ${kodeKota} and status = 'running'`);
  } catch {
    // The caller rethrows the error that made the job fail; this one would only hide it.
  } finally {
    releaseImport(id);
  }
}

/**
 * Every write of a kab/kota's master data (areas, officers, assignments, the window) holds the
 * kota's lock exclusively: it rebuilds rollup rows of the whole kota. Bumps the campaign's data
 * version, which stamps cached read bodies (lib/api/body-cache.ts): it commits or rolls back with
 * the write. Prefer writeKota, which also takes care of the order.
 */
export async function lockKota(tx: Db, kodeKota: string): Promise<void> {
  await takeWriteLock(tx, kodeKota, { kind: 'kota' });
  await bumpDataVersion(tx, kodeKota);
}

async function bumpDataVersion(tx: Db, kodeKota: string): Promise<void> {
  await tx.execute(sql`update campaign set data_version = data_version + 1 where kode_kota = ${kodeKota}`);
}

export type { WriteLock };

/**
 * One write transaction of a kab/kota's data, then `write`. Master data holds the kota's lock
 * exclusively for the whole transaction. Reports hold it shared and each kelurahan they write
 * exclusively (in code order, so two writers never wait on each other in a cycle): writers of
 * different kelurahan run side by side, and meet only on the kecamatan and kota rollup rows and
 * the campaign row, which they update last (lib/ingest/apply-reports.ts, here), so each waits
 * at most for the end of another's small transaction. Should a report write turn out to need the
 * whole kota (KotaLockNeeded), it runs again holding it exclusively.
 * Once the transaction has ended the kab/kota's data feed moves (lib/db/data-feed.ts), so this
 * process's next read sees the write without waiting for the NOTIFY the triggers send to every
 * listening process.
 */
export async function writeKota<T>(db: Db, kodeKota: string, write: (tx: Db) => Promise<T>, lock: WriteLock = { kind: 'kota' }): Promise<T> {
  try {
    return await writeOnce(db, kodeKota, write, lock);
  } catch (error) {
    if (!(error instanceof KotaLockNeeded) || lock.kind === 'kota') throw error;
    return await writeOnce(db, kodeKota, write, { kind: 'kota' });
  } finally {
    noteChange(db, kodeKota);
  }
}

async function writeOnce<T>(db: Db, kodeKota: string, write: (tx: Db) => Promise<T>, lock: WriteLock): Promise<T> {
  return db.transaction(async (tx) => {
    await takeWriteLock(tx, kodeKota, lock);
    const out = await write(tx);
    if (lock.kind === 'kota') await bumpEveryKelurahan(tx, kodeKota);
    await bumpDataVersion(tx, kodeKota);
    return out;
  });
}

/**
 * A write holding the whole kota (master data: areas, officers, assignments, the window) moves
 * every kelurahan's stamp and the kab/kota's own (migration 0016), whatever the triggers saw: a
 * cached area body also shows officers' names and boundaries, which no kelurahan's reports,
 * assignments or areas hold.
 */
async function bumpEveryKelurahan(tx: Db, kodeKota: string): Promise<void> {
  await tx.execute(sql`insert into kelurahan_version (kode_kota, code)
    select kode_kota, code from area where kode_kota = ${kodeKota} and level = 'kelurahan'
    union select ${kodeKota}, ${kodeKota} order by 2
    on conflict (kode_kota, code) do update set version = kelurahan_version.version + 1`);
}
