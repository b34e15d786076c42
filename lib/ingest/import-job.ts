// The record of one upload or API batch (import_job): opened before the work, closed in the
// same transaction as the writes, so what it says always matches what was stored.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { storableJson } from '@/lib/db/jsonb';
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

export async function startImport(
  db: Db,
  job: { kodeKota: string; kind: ImportKind; source: ImportSource; filename: string | null; createdBy: string },
): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into import_job (kode_kota, kind, source, filename, status, created_by)
    values (${job.kodeKota}, ${job.kind}, ${job.source}, ${job.filename}, 'running', ${job.createdBy}) returning id::int as id`,
  );
  return row.id;
}

export async function finishImport(tx: Db, kodeKota: string, id: number, outcome: JobOutcome): Promise<void> {
  await tx.execute(sql`update import_job set status = ${outcome.status}, finished_at = now(),
    total_rows = ${outcome.totalRows}, accepted = ${outcome.accepted}, replaced = ${outcome.replaced},
    unchanged = ${outcome.unchanged}, rejected = ${outcome.rejections.length},
    rejections = ${storableJson(outcome.rejections)}::jsonb,
    message = ${outcome.problem ? JSON.stringify(outcome.problem) : null}
    where id = ${id} and kode_kota = ${kodeKota}`);
}

/** Marks a job whose transaction failed: nothing of it was written. */
export async function failImport(db: Db, kodeKota: string, id: number): Promise<void> {
  await db.execute(sql`update import_job set status = 'failed', finished_at = now()
    where id = ${id} and kode_kota = ${kodeKota} and status = 'running'`);
}

/**
 * Serialises writes per kab/kota: every write rebuilds the kota's rollup rows, and two
 * transactions rebuilding them at once would collide. Held until the transaction ends.
 */
export async function lockKota(tx: Db, kodeKota: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'pantau.ingest.' + kodeKota}))`);
}
