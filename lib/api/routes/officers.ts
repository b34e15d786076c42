import { officerDetailJsonSchema, officerDetailQuerySchema, officerPageJsonSchema, officerParamsSchema, officerRowJsonSchema, officersQuerySchema } from '../officers-schemas';
import { endpoint, type ApiFeature } from './define';

/** The officers (PPL and PML) in the caller’s scope: the /petugas list and one officer’s page. */
export const officersApi = {
  tag: { name: 'officers', description: 'PPL and PML in the caller’s scope: progress, status, flags, team' },
  schemas: { OfficerRow: officerRowJsonSchema, OfficerPage: officerPageJsonSchema, OfficerDetail: officerDetailJsonSchema },
  endpoints: [
    endpoint({
      method: 'get',
      path: '/api/v1/officers',
      operationId: 'listOfficers',
      asOf: 'asOf',
      summary: 'A page of the officers in scope, filtered and sorted, with counts by status and flag',
      query: officersQuerySchema,
      responses: { 200: { description: 'The page', schema: 'OfficerPage' } },
      errors: [400, 401, 404],
    }),
    endpoint({
      method: 'get',
      path: '/api/v1/officers/{code}',
      operationId: 'getOfficer',
      asOf: 'asOf',
      summary: 'One officer: what they hold, their daily series, flags and team',
      params: officerParamsSchema,
      query: officerDetailQuerySchema,
      responses: { 200: { description: 'The officer', schema: 'OfficerDetail' } },
      errors: [400, 401, 404],
    }),
  ],
} satisfies ApiFeature;
