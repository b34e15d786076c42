import { recordAudit } from '@/lib/audit/record';
import type { Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import type { ExportFile } from '@/lib/export/area-export';
import type { Data } from '@/lib/server/data';

/** An export in the audit log, as its actor (data.recordExport: the viewer and the request's address). */
export async function recordExport(db: Db, scope: Scope, actor: { username: string; ip: string | null }, target: string, detail: Record<string, unknown>): Promise<void> {
  await recordAudit(db, { kodeKota: scope.kodeKota, actor: actor.username, action: 'export', target, detail, ip: actor.ip });
}

/** Records the export in the audit log and answers it as a download. */
export async function exportResponse(data: Data, file: ExportFile, detail: Record<string, unknown>): Promise<Response> {
  await data.recordExport(file.filename, detail);
  const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'private, no-store',
    },
  });
}
