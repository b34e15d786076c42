import {
  areaMetricsSchema,
  areaPathSchema,
  areaQuerySchema,
  areaRefSchema,
  areaResponseSchema,
  childAreaSchema,
  childrenQuerySchema,
  childrenResponseSchema,
  dailyQuerySchema,
  dailyResponseSchema,
  dailyRowSchema,
  officerRefSchema,
  reportingSchema,
} from '../area-schemas';
import type { ApiFeature } from './registry';

/** The area read API: one area, its children, its daily series (DESIGN.md, Public contracts). */
export const areasApi: ApiFeature = {
  tag: { name: 'areas', description: 'Progress of an area (kota … sub-SLS) as of a date, its child areas and its daily series' },
  schemas: {
    AreaRef: areaRefSchema,
    AreaMetrics: areaMetricsSchema,
    OfficerRef: officerRefSchema,
    Reporting: reportingSchema,
    AreaResponse: areaResponseSchema,
    ChildArea: childAreaSchema,
    ChildrenResponse: childrenResponseSchema,
    DailyRow: dailyRowSchema,
    DailyResponse: dailyResponseSchema,
  },
  endpoints: [
    {
      method: 'get',
      path: '/api/v1/areas/{code}',
      operationId: 'getArea',
      summary: 'The area, its breadcrumb and every metric as of a date',
      description:
        'Without asOf: the kab/kota’s latest complete day. `reporting` says how many of the PPL expected on the as-of date (within your scope) reported, and whether the day is complete; ' +
        'on a partial day the counts are that day’s while pace, forecasts and status are the latest complete day’s. Every status carries `statusReason` and `statusDetail`.',
      params: areaPathSchema,
      query: areaQuerySchema,
      responses: { 200: { description: 'The area with its metrics', schema: 'AreaResponse' } },
      errors: [400, 401, 404],
    },
    {
      method: 'get',
      path: '/api/v1/areas/{code}/children',
      operationId: 'listAreaChildren',
      summary: 'Each child area with its metrics as of a date',
      description: 'The totals of the children equal the area itself (GET /api/v1/areas/{code}); take ratios from there, never re-sum them.',
      params: areaPathSchema,
      query: childrenQuerySchema,
      responses: { 200: { description: 'The child areas in code order', schema: 'ChildrenResponse' } },
      errors: [400, 401, 404],
    },
    {
      method: 'get',
      path: '/api/v1/areas/{code}/daily',
      operationId: 'listAreaDaily',
      summary: 'One row per date: as-of counts, daily pace, pace7, required pace and the plan line',
      params: areaPathSchema,
      query: dailyQuerySchema,
      responses: { 200: { description: 'The dates from `from` to `to`', schema: 'DailyResponse' } },
      errors: [400, 401, 404],
    },
  ],
};
