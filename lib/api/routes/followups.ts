import { areaPathSchema } from '../area-schemas';
import {
  driftQuerySchema,
  driftResponseSchema,
  followupBodySchema,
  followupSchema,
  followupsQuerySchema,
  followupsResponseSchema,
  followupWriteResponseSchema,
  refusalsQuerySchema,
  refusalsResponseSchema,
} from '../followup-schemas';
import { endpoint, type ApiFeature } from './define';

/** Refusals and not-met families, their follow-up, and prelist reconciliation (counts only). */
export const followupsApi = {
  tag: { name: 'followups', description: 'Open refusals and not-met families, follow-up visits (counts only, never names) and prelist reconciliation' },
  schemas: {
    FollowupBody: followupBodySchema,
    Followup: followupSchema,
    FollowupWriteResponse: followupWriteResponseSchema,
    FollowupsResponse: followupsResponseSchema,
    RefusalsResponse: refusalsResponseSchema,
    PrelistDriftResponse: driftResponseSchema,
  },
  endpoints: [
    endpoint({
      method: 'post',
      path: '/api/v1/followups',
      operationId: 'recordFollowup',
      summary: 'Record a follow-up visit to an SLS (lurah, camat, PML, admin), or with id a new version of one',
      description:
        'Checked: agreed ≤ visited ≤ the SLS’s refusals + not-met on that date, stillRefusing ≤ visited − agreed, a note of at most 200 characters without a 16-digit number. An SLS or follow-up outside the caller’s scope answers 404. Every version is kept.',
      requestBody: { contentType: 'application/json', schema: 'FollowupBody' },
      responses: { 200: { description: 'The current version and how many versions exist', schema: 'FollowupWriteResponse' } },
      errors: [400, 401, 404, 413, 503],
    }),
    endpoint({
      method: 'get',
      path: '/api/v1/areas/{code}/followups',
      operationId: 'listAreaFollowups',
      summary: 'Follow-ups of the SLS under an area, newest first, with totals',
      params: areaPathSchema,
      query: followupsQuerySchema,
      responses: { 200: { description: 'The log and its totals', schema: 'FollowupsResponse' } },
      errors: [400, 401, 404],
    }),
    endpoint({
      method: 'get',
      path: '/api/v1/areas/{code}/refusals',
      operationId: 'getAreaRefusals',
      asOf: 'asOf',
      summary: 'Open refusals and not-met by child area and by SLS, with the 7-day change and konversiPenolakan',
      description: 'format=csv|xlsx answers the SLS list as a file; format=pdf one printable page per kelurahan.',
      params: areaPathSchema,
      query: refusalsQuerySchema,
      responses: { 200: { description: 'The area, its children and its SLS, most open cases first', schema: 'RefusalsResponse' } },
      errors: [400, 401, 404],
    }),
    endpoint({
      method: 'get',
      path: '/api/v1/areas/{code}/prelist-drift',
      operationId: 'getPrelistDrift',
      asOf: 'asOf',
      summary: 'Prelist reconciliation: each SLS’s drift from its prelist, flagged when far outside its kelurahan’s spread',
      description: 'format=csv|xlsx answers a file. City, kecamatan and kelurahan scopes only.',
      params: areaPathSchema,
      query: driftQuerySchema,
      responses: { 200: { description: 'SLS, flagged first', schema: 'PrelistDriftResponse' } },
      errors: [400, 401, 404],
    }),
  ],
} satisfies ApiFeature;
