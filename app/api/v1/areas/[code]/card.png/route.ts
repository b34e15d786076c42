import { assertInWindow, requireCampaign } from '@/lib/api/area-bodies';
import { areaPathSchema, areaQuerySchema } from '@/lib/api/area-schemas';
import { ApiError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { buildAreaCard } from '@/lib/share/area-card';

export const dynamic = 'force-dynamic';
// satori and resvg run in Node here; the font is read from the next package on disk.
export const runtime = 'nodejs';

/** GET /api/v1/areas/{code}/card.png?asOf= — the WhatsApp-ready summary card of an area (scoped, 404 outside). */
export const GET = apiRoute({ params: areaPathSchema, query: areaQuerySchema }, async ({ db, viewer, params, query, locale }) => {
  const campaign = await requireCampaign(db, viewer.scope);
  const asOf = query.asOf ?? campaign.defaultAsOf;
  assertInWindow(campaign, asOf, 'asOf');
  const png = await buildAreaCard(db, viewer.scope, campaign, { code: params.code, asOf, locale });
  if (!png) throw new ApiError('not_found');
  return new Response(new Uint8Array(png), {
    headers: {
      'content-type': 'image/png',
      'content-disposition': `inline; filename="pantau-${params.code}-${asOf}.png"`,
      'cache-control': 'private, no-store',
    },
  });
});
