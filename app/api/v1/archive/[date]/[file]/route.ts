import { ApiError } from '@/lib/api/errors';
import { implement } from '@/lib/api/route';
import { shareApi } from '@/lib/api/routes/share';

export const dynamic = 'force-dynamic';

const CONTENT_TYPES = { pdf: 'application/pdf', png: 'image/png' } as const;

/** GET /api/v1/archive/{date}/{code}.{pdf|png} — a kept file of the daily archive (404 outside the scope or not archived). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(shareApi, '/api/v1/archive/{date}/{file}', { GET: async ({ data, params }) => {
  const [areaCode, kind] = params.file.split('.') as [string, 'pdf' | 'png'];
  const file = await data.getArchiveFile({ tanggal: params.date, areaCode, kind });
  if (!file) throw new ApiError('not_found');
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': CONTENT_TYPES[kind],
      'content-disposition': `${kind === 'pdf' ? 'attachment' : 'inline'}; filename="${file.filename}"`,
      // The archive of a day never changes except by an explicit rewrite: a private cache may keep it a while.
      'cache-control': 'private, max-age=300',
    },
  });
} });
