// Runs once when a Next.js server starts. The Node.js server starts its write thread on
// PostgreSQL (lib/server/write-thread.ts) and the daily archive schedule (lib/archive/scheduler.ts);
// PANTAU_ARCHIVE=0 leaves the schedule off (test and bench servers).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { usesWriteThread } = await import('@/lib/server/write-thread-mode');
  if (usesWriteThread()) (await import('@/lib/server/write-thread')).startWriteThread();
  if (process.env.PANTAU_ARCHIVE === '0') return;
  const [{ startArchiveScheduler }, { getDb }] = await Promise.all([import('@/lib/archive/scheduler'), import('@/lib/server/database')]);
  // Not awaited: register must end before the server takes requests, and the database may still be seeding.
  void startArchiveScheduler(getDb).catch((error: unknown) => console.error('[arsip] jadwal tidak dapat dimulai:', error));
}
