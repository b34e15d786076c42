import type { NextRequest } from 'next/server';
import { clientIp } from '@/lib/auth/request-info';
import { recordAudit } from '@/lib/audit/record';
import type { Db } from '@/lib/db/client';
import type { ExportFile } from '@/lib/export/area-export';
import type { Viewer } from '@/lib/server/viewer';

/** Records the export in the audit log and answers it as a download. */
export async function exportResponse(
  db: Db,
  viewer: Viewer,
  req: NextRequest,
  file: ExportFile,
  detail: Record<string, unknown>,
): Promise<Response> {
  await recordAudit(db, {
    kodeKota: viewer.scope.kodeKota,
    actor: viewer.username,
    action: 'export',
    target: file.filename,
    detail,
    ip: clientIp(req.headers),
  });
  const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'private, no-store',
    },
  });
}
