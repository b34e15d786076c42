// The write thread's own side (lib/server/write-thread.ts starts it): a worker thread of the app
// server with its own PostgreSQL pool, running the report writes the server hands it. It shares
// no memory with the server: it receives the viewer, the parsed body and the options, runs
// submitReports as the server itself would, and answers the result or the error as plain data.
import { parentPort } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@/lib/db/client';
import { readEnv } from '@/lib/env';
import { submitReports } from '@/lib/ingest/submit-reports';
import { toThreadError, type WarmRequest, type WriteAnswer, type WriteRequest } from './write-thread-protocol';

const port = parentPort;
if (!port) throw new Error('write-thread-worker runs as a worker thread of the app server');

// An error thrown outside any write (postgres.js can throw from a socket callback when the
// database goes away, porsager/postgres#1154) is logged, as Next logs it on the server's thread,
// instead of ending the thread and failing every write it holds: those writes meet the error
// themselves and answer it (503 when the database is down).
process.on('uncaughtException', (error) => console.error('[write thread] uncaught exception:', error));

const POOL = 4;
let database: Promise<Database> | undefined;
function open(): Promise<Database> {
  const url = readEnv().DATABASE_URL;
  if (!url) throw new Error('the write thread needs DATABASE_URL (PGlite is opened by one thread only)');
  // Four connections: the thread's work is mostly its own JavaScript, so more transactions at
  // once only interleave; four let writes of different kelurahan overlap their round trips
  // (in the soak, 4 against 10 connections: fewer prepared statements per connection to warm,
  // and no slower writes — docs/PERFORMANCE.md).
  database ??= openDatabase({ url, max: POOL }).catch((error: unknown) => {
    database = undefined;
    throw error;
  });
  return database;
}

/** Opens the pool's connections (one query each at once); a failure is left to the first write to meet. */
async function warm(): Promise<void> {
  const { db } = await open();
  await Promise.all(Array.from({ length: POOL }, () => db.execute(sql`select 1`)));
}

port.on('message', (request: WriteRequest | WarmRequest) => {
  if ('warm' in request) {
    warm().catch(() => undefined);
    return;
  }
  void (async () => {
    let answer: WriteAnswer;
    try {
      const { db } = await open();
      answer = { id: request.id, ok: true, result: await submitReports(db, request.viewer, request.body, request.opts) };
    } catch (error) {
      answer = { id: request.id, ok: false, error: toThreadError(error) };
    }
    try {
      port.postMessage(answer);
    } catch (error) {
      // An answer that cannot be copied across (never expected: results are plain data) still answers.
      port.postMessage({ id: request.id, ok: false, error: toThreadError(error) } satisfies WriteAnswer);
    }
  })();
});
