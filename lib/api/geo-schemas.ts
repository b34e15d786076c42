import { z } from 'zod';
import { CLASS_METHODS } from '@/lib/domain/classify';
import { DEFAULT_MAP_METRIC, MAP_LEVELS, MAP_METRICS } from '@/lib/domain/map-metrics';
import type { Campaign } from '@/lib/queries/campaign';
import { areaCodeSchema, isoDateSchema } from './schemas';

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

/** The window a map client replays, from the campaign. */
export function mapWindowOf(c: Campaign): MapWindow {
  return { startDate: c.startDate, endDate: c.endDate, lastReportDate: c.lastReportDate, latestReport: c.latestReport, defaultAsOf: c.defaultAsOf };
}

/** /peta?area=&metric=&asOf=&level=&classes=&symbols=: a bad value falls back to its default (a shared link still opens). */
export const mapPageQuerySchema = z.object({
  area: areaCodeSchema.optional().catch(undefined),
  metric: z.enum(MAP_METRICS).catch(DEFAULT_MAP_METRIC).default(DEFAULT_MAP_METRIC),
  asOf: isoDateSchema.optional().catch(undefined),
  level: z.enum(MAP_LEVELS).catch('kelurahan').default('kelurahan'),
  classes: z.enum(CLASS_METHODS).catch('fixed').default('fixed'),
  symbols: z
    .enum(['0', '1'])
    .catch('0')
    .default('0')
    .transform((v) => v === '1'),
});

/** GET /api/v1/areas/{code}/geo: the child areas as a GeoJSON FeatureCollection, with the window to replay. */
export const geoResponseSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: areaCodeSchema,
        geometry: z.record(z.string(), z.unknown()).nullable().meta({ description: 'A simplified GeoJSON geometry (null when the area has no boundary)' }),
        properties: z.record(z.string(), z.unknown()).meta({ description: 'Every area metric (as in GET /api/v1/areas/{code}/children), the label point and `value` of the chosen metric' }),
      }),
    ),
    window: mapWindowSchema,
  })
  .loose();
