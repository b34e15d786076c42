// What crosses between the app server and its write thread (lib/server/write-thread.ts): plain
// data only. Errors lose their class on the way, so the ones the server answers differently are
// written out and made again: a refused submission (ImportProblem: 4xx with its code) and any
// error carrying a driver code (the database being down answers 503, lib/api/errors.ts).
import { errorCodes } from '@/lib/api/errors';
import type { Viewer } from '@/lib/domain/roles';
import { ImportProblem } from '@/lib/ingest/reasons';
import type { SubmitResult } from '@/lib/ingest/submit-reports';
import type { ImportSource } from '@/lib/ingest/import-job';

export interface WriteRequest {
  id: number;
  viewer: Viewer;
  body: unknown;
  opts: { source: Exclude<ImportSource, 'upload'>; ip?: string | null; submissionId?: string };
}

/** Sent once at server start: open the thread's connections before the first write needs them. */
export interface WarmRequest {
  warm: true;
}

export type ThreadError =
  | { kind: 'problem'; code: ImportProblem['code']; params: ImportProblem['params']; status: ImportProblem['status']; importId: number | null }
  | { kind: 'error'; message: string; codes: string[] };

export type WriteAnswer = { id: number; ok: true; result: SubmitResult } | { id: number; ok: false; error: ThreadError };

export function toThreadError(error: unknown): ThreadError {
  if (error instanceof ImportProblem) {
    return { kind: 'problem', code: error.code, params: error.params, status: error.status, importId: error.importId };
  }
  return { kind: 'error', message: error instanceof Error ? error.message : String(error), codes: errorCodes(error) };
}

/** The error again on the server's side: the same class and codes, so it is answered as if thrown there. */
export function fromThreadError(error: ThreadError): Error {
  if (error.kind === 'problem') {
    const problem = new ImportProblem(error.code, error.params, error.status);
    problem.importId = error.importId;
    return problem;
  }
  // The codes as a chain of causes, innermost last, as the driver's errors come.
  let cause: Error | undefined;
  for (const code of [...error.codes].reverse()) cause = Object.assign(new Error(error.message, cause ? { cause } : undefined), { code });
  return new Error(`write thread: ${error.message}`, cause ? { cause } : undefined);
}
