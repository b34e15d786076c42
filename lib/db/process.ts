import 'server-only';
import { randomUUID } from 'node:crypto';

/**
 * This process's name on its database connections (PostgreSQL application_name) and on the
 * import jobs it starts, so another process can tell whether a 'running' job still has a
 * living owner (lib/ingest/import-job.ts). Cached on globalThis: bundles may evaluate this twice.
 */
export function processName(): string {
  const holder = globalThis as unknown as { pantauProcessName?: string };
  holder.pantauProcessName ??= `pantau:${randomUUID()}`;
  return holder.pantauProcessName;
}
