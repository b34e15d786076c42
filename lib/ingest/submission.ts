// Client-made submission ids (Idempotency-Key): a phone that lost the answer to a report sends
// the same id again and gets the first answer back — no second write, no second history
// version. The id is kept per kab/kota with who sent it and a hash of the body; the same id from
// another account or with another body is refused (409), never answered with someone else's result.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { storableJson } from '@/lib/db/jsonb';
import type { Correction } from './apply-reports';
import { ImportProblem, type RowRejection } from './reasons';

/** What a submission answered, as stored (codes, not words). */
export interface StoredOutcome {
  importId: number | null;
  accepted: number;
  replaced: number;
  unchanged: number;
  rejections: RowRejection[];
  corrections: Correction[];
}

/** JSON with object keys sorted: the same reports hash the same whatever order the keys came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function bodyHash(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

/**
 * The earlier answer to this id, or null when the id is new. Throws 409 when the id was used by
 * another account or for another body: a client bug or a collision, never a retry.
 */
export async function priorOutcome(db: Db, kodeKota: string, id: string, who: { username: string; hash: string }): Promise<StoredOutcome | null> {
  const [row] = await queryRows<{ createdBy: string; bodyHash: string; result: StoredOutcome | string }>(
    db,
    sql`select created_by as "createdBy", body_hash as "bodyHash", result from report_submission
    where kode_kota = ${kodeKota} and submission_id = ${id}`,
  );
  if (!row) return null;
  if (row.createdBy !== who.username || row.bodyHash !== who.hash) throw new ImportProblem('submission_conflict', {}, 'conflict');
  return typeof row.result === 'string' ? (JSON.parse(row.result) as StoredOutcome) : row.result;
}

/** Holds the submission id until the transaction ends: one of two writes with the same id waits for the other. */
export async function lockSubmission(tx: Db, kodeKota: string, id: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pantau.submission.${kodeKota}.${id}`}))`);
}

/** Stores the id with its answer, in the transaction of the write it answers for. */
export async function recordOutcome(tx: Db, kodeKota: string, id: string, who: { username: string; hash: string }, outcome: StoredOutcome): Promise<void> {
  await tx.execute(sql`insert into report_submission (kode_kota, submission_id, created_by, body_hash, import_id, result)
    values (${kodeKota}, ${id}, ${who.username}, ${who.hash}, ${outcome.importId}, ${storableJson(outcome)}::jsonb)`);
}

/** A batch that turned out to be a repeat once the kota lock was held: its import record never happened. */
export async function dropImport(tx: Db, kodeKota: string, importId: number): Promise<void> {
  await tx.execute(sql`delete from import_job where id = ${importId} and kode_kota = ${kodeKota}`);
}

