import 'server-only';
import { Worker } from 'node:worker_threads';
import type { Viewer } from '@/lib/domain/roles';
import type { SubmitResult } from '@/lib/ingest/submit-reports';
import { fromThreadError, type WarmRequest, type WriteAnswer, type WriteRequest } from './write-thread-protocol';

/*
 * The write thread: the app server runs report writes (POST /api/v1/reports, the phone form) on
 * a worker thread of its own, with its own PostgreSQL pool (lib/server/write-thread-worker.ts).
 *
 * Why: Node runs every request of a process on one JavaScript thread. Under load that thread is
 * shared by every request in flight, so a write — ~10–14 ms of JavaScript (checks, ~15
 * statements, the rollup) — took its CPU time × the requests sharing the thread: ~0.7–1 s at p50
 * beside 50 readers (docs/PERFORMANCE.md). On its own thread a write shares only with the other
 * writes, and the operating system gives that thread its own share of the cores.
 *
 * What stays on the server's thread: authentication, the viewer, reading the body (413/400), and
 * answering. What the write thread does is exactly submitReports, on the same database, with the
 * same viewer; the server's data feed moves when the answer arrives (after the commit), so the
 * writer's next read sees its write as before.
 *
 * Only on PostgreSQL and only inside the built server (write-thread-mode.ts decides): PGlite is one
 * database in one thread (never opened twice), and tests and scripts call submitReports directly.
 * PANTAU_WRITE_THREAD=0 turns it off (the bench's A/B).
 */

/**
 * A write waiting for its answer. The answer is kept as plain data until the caller's own module
 * turns it into a result or an error: the thread may have been started by another bundle
 * (instrumentation.ts), whose copy of ImportProblem is not the class the route checks for.
 */
interface Pending {
  answer: (answer: WriteAnswer) => void;
  fail: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

const holder = globalThis as unknown as { pantauWriteThread?: Thread; pantauWriteThreadIds?: number };

function start(): Thread {
  const worker = new Worker(new URL('./write-thread-worker.ts', import.meta.url));
  // The server's process ends when it is told to, whether or not a write thread is idle.
  worker.unref();
  const thread: Thread = { worker, pending: new Map() };
  worker.on('message', (answer: WriteAnswer) => {
    const waiting = thread.pending.get(answer.id);
    if (!waiting) return;
    thread.pending.delete(answer.id);
    waiting.answer(answer);
  });
  // A thread that fails (or exits) fails the writes it held; the next write starts a new one.
  // Their transactions did not commit (the thread's connections close with it), and the import
  // jobs they opened are settled as interrupted (lib/ingest/import-job.ts, by the thread's own
  // connection name).
  const fail = (error: Error) => {
    if (holder.pantauWriteThread === thread) holder.pantauWriteThread = undefined;
    for (const waiting of thread.pending.values()) waiting.fail(error);
    thread.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the write thread stopped (exit code ${code})`)));
  return thread;
}

/**
 * Starts the write thread now rather than on the first write (instrumentation.ts, at server
 * start): the first report after a deploy does not wait for the thread's code and connections.
 */
export function startWriteThread(): void {
  const thread = (holder.pantauWriteThread ??= start());
  thread.worker.postMessage({ warm: true } satisfies WarmRequest);
}

/**
 * submitReports on the write thread: the same arguments, result and errors. Null when the body
 * cannot be copied to the thread — a structured clone recurses, and a hostile body nested tens of
 * thousands of levels deep overflows it (JSON.parse took it): the caller then writes it in its
 * own thread, where such a body has always been refused row by row.
 */
export async function submitReportsOnThread(viewer: Viewer, body: unknown, opts: WriteRequest['opts']): Promise<SubmitResult | null> {
  const answer = send(viewer, body, opts);
  if (!answer) return null;
  const settled = await answer;
  if (settled.ok) return settled.result;
  throw fromThreadError(settled.error);
}

function send(viewer: Viewer, body: unknown, opts: WriteRequest['opts']): Promise<WriteAnswer> | null {
  const thread = (holder.pantauWriteThread ??= start());
  const id = (holder.pantauWriteThreadIds = (holder.pantauWriteThreadIds ?? 0) + 1);
  const request: WriteRequest = { id, viewer, body, opts };
  let settle!: Pending;
  const answer = new Promise<WriteAnswer>((resolve, reject) => (settle = { answer: resolve, fail: reject }));
  thread.pending.set(id, settle);
  try {
    thread.worker.postMessage(request);
  } catch {
    // Nothing was sent (DataCloneError, or RangeError for a body nested too deep to copy).
    thread.pending.delete(id);
    return null;
  }
  return answer;
}
