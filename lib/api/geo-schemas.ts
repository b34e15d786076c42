import { z } from 'zod';
import { DEFAULT_MAP_METRIC, MAP_LEVELS, MAP_METRICS } from '@/lib/domain/map-metrics';
import { isoDateSchema } from './schemas';

/** GET /api/v1/areas/{code}/geo: as-of date, the metric put in each feature's `value`, and the level of the features. */
export const geoQuerySchema = z.object({
  asOf: isoDateSchema.optional(),
  metric: z.enum(MAP_METRICS).default(DEFAULT_MAP_METRIC),
  /** kecamatan or kelurahan polygons of a kota; ignored unless it lies below the area. */
  level: z.enum(MAP_LEVELS).optional(),
});
export type GeoQuery = z.infer<typeof geoQuerySchema>;

/** The fieldwork window sent with a map, so a client can offer the dates to replay. */
export const mapWindowSchema = z.object({
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  lastReportDate: isoDateSchema,
  latestReport: isoDateSchema.nullable(),
  defaultAsOf: isoDateSchema,
});
export type MapWindow = z.infer<typeof mapWindowSchema>;
