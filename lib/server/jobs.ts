// Work started by a request but done as the system (systemViewer in data.ts): the job itself
// holds the database; the request that starts it only names its own kab/kota.
import 'server-only';
import { writeArchiveDay, type ArchiveOutcome } from '@/lib/archive/archive-job';
import type { Viewer } from '@/lib/domain/roles';
import { getDb } from './database';

/** The admin button: (re)writes one day's archive of the viewer's kab/kota. */
export async function rewriteArchiveDay(viewer: Viewer, tanggal: string): Promise<ArchiveOutcome> {
  return writeArchiveDay(await getDb(), viewer.scope.kodeKota, tanggal, { trigger: 'admin', rewrite: true });
}
