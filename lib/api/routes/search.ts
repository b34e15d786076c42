import { searchQuerySchema, searchResponseSchema } from '../area-schemas';
import { endpoint, type ApiFeature } from './define';

/** Finding an area by name, BPS code or Kemendagri code. */
export const searchApi = {
  tag: { name: 'search', description: 'Find areas in the caller’s scope' },
  schemas: { SearchResponse: searchResponseSchema },
  endpoints: [
    endpoint({
      method: 'get',
      path: '/api/v1/search',
      operationId: 'searchAreas',
      summary: 'Areas (kota … SLS) whose name, BPS code or Kemendagri code matches',
      query: searchQuerySchema,
      responses: { 200: { description: 'Up to 20 areas, the highest level first', schema: 'SearchResponse' } },
      errors: [400, 401],
    }),
  ],
} satisfies ApiFeature;
