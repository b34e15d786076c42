import { readEnv } from '@/lib/env';

let decided: boolean | undefined;

/**
 * Whether this process hands its report writes to a write thread (lib/server/write-thread.ts):
 * only the built server (Next sets NEXT_RUNTIME) on PostgreSQL, unless PANTAU_WRITE_THREAD=0.
 * PGlite is one database in one thread; tests and scripts write in their own thread.
 */
export function usesWriteThread(): boolean {
  decided ??= Boolean(readEnv().DATABASE_URL) && process.env.PANTAU_WRITE_THREAD !== '0' && process.env.NEXT_RUNTIME === 'nodejs';
  return decided;
}
