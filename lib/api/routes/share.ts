import { z } from 'zod';
import { archivePathSchema } from '../archive-schemas';
import { areaPathSchema, areaQuerySchema } from '../area-schemas';
import { endpoint, type ApiFeature } from './define';

/** The WhatsApp-ready summary card of an area and the kept daily archive (issue #18 §2, §3). */
export const shareApi = {
  tag: { name: 'share', description: 'Pictures of an area’s progress for chat groups, and the daily archive of reports and cards' },
  schemas: {
    PngImage: z.string().meta({ description: 'A PNG image', contentMediaType: 'image/png', contentEncoding: 'binary' }),
    ArchivedFile: z.string().meta({ description: 'A PDF daily report or a PNG summary card', contentEncoding: 'binary' }),
  },
  endpoints: [
    endpoint({
      method: 'get',
      path: '/api/v1/areas/{code}/card.png',
      operationId: 'getAreaCard',
      asOf: 'asOf',
      summary: 'The summary card of an area as of a date: a 1080 px wide PNG (status, progress bar, key figures, children most behind)',
      description: 'The same figures as GET /api/v1/areas/{code} and its children, in the request’s language. An area outside the caller’s scope answers 404.',
      params: areaPathSchema,
      query: areaQuerySchema,
      responses: { 200: { description: 'The card', schema: 'PngImage', contentType: 'image/png' } },
      errors: [400, 401, 404],
    }),
    endpoint({
      method: 'get',
      path: '/api/v1/archive/{date}/{file}',
      operationId: 'getArchivedFile',
      summary: 'A file of the daily archive: the PDF daily report ({code}.pdf) or the summary card ({code}.png) of a kota, kecamatan or kelurahan as written that morning',
      description: 'The archive is written every morning at the campaign’s archive time (07:00 local by default) for the latest complete day. A day not archived, or an area outside the caller’s scope, answers 404.',
      params: archivePathSchema,
      responses: { 200: { description: 'The kept file (application/pdf or image/png)', schema: 'ArchivedFile', contentType: 'application/octet-stream' } },
      errors: [400, 401, 404],
    }),
  ],
} satisfies ApiFeature;
