import { ApiError } from '@/lib/api/errors';
import { buildAreaCard } from '@/lib/share/area-card';
import { implement } from '@/lib/api/route';
import { shareApi } from '@/lib/api/routes/share';

export const dynamic = 'force-dynamic';
// satori and resvg run in Node here; the font is read from the next package on disk.
export const runtime = 'nodejs';

/** GET /api/v1/areas/{code}/card.png?asOf= — the WhatsApp-ready summary card of an area (scoped, 404 outside). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(shareApi, '/api/v1/areas/{code}/card.png', { GET: async ({ data, params, campaign, asOf, locale }) => {
  const png = await buildAreaCard(data, campaign, { code: params.code, asOf, locale });
  if (!png) throw new ApiError('not_found');
  return new Response(new Uint8Array(png), {
    headers: {
      'content-type': 'image/png',
      'content-disposition': `inline; filename="pantau-${params.code}-${asOf}.png"`,
      'cache-control': 'private, no-store',
    },
  });
} });
