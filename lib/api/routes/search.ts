import { searchQuerySchema, searchResponseSchema } from '../area-schemas';
import type { ApiFeature } from './registry';

/** Finding an area by name, BPS code or Kemendagri code. */
export const searchApi: ApiFeature = {
  tag: { name: 'search', description: 'Find areas in the caller’s scope' },
  schemas: { SearchResponse: searchResponseSchema },
  endpoints: [
    {
      method: 'get',
      path: '/api/v1/search',
      operationId: 'searchAreas',
      summary: 'Areas (kota … SLS) whose name, BPS code or Kemendagri code matches',
      query: searchQuerySchema,
      responses: { 200: { description: 'Up to 20 areas, the highest level first', schema: 'SearchResponse' } },
      errors: [400, 401],
    },
  ],
};
