import { z } from 'zod';
import { areaPathSchema, areaQuerySchema } from '../area-schemas';
import type { ApiFeature } from './registry';

/** The WhatsApp-ready summary card of an area (issue #18 §2). */
export const shareApi: ApiFeature = {
  tag: { name: 'share', description: 'Pictures of an area’s progress made for sharing in chat groups' },
  schemas: {
    PngImage: z.string().meta({ description: 'A PNG image', contentMediaType: 'image/png', contentEncoding: 'binary' }),
  },
  endpoints: [
    {
      method: 'get',
      path: '/api/v1/areas/{code}/card.png',
      operationId: 'getAreaCard',
      summary: 'The summary card of an area as of a date: a 1080 px wide PNG (status, progress bar, key figures, children most behind)',
      description: 'The same figures as GET /api/v1/areas/{code} and its children, in the request’s language. An area outside the caller’s scope answers 404.',
      params: areaPathSchema,
      query: areaQuerySchema,
      responses: { 200: { description: 'The card', schema: 'PngImage', contentType: 'image/png' } },
      errors: [400, 401, 404],
    },
  ],
};
