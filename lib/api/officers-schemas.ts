// Request and response schemas of /api/v1/officers and /api/v1/officers/{code} (zod; ready for OpenAPI).
import { z } from 'zod';
import { officerCodeSchema, scopeAreaCodeSchema } from '@/lib/domain/area-code-schemas';
import { FLAG_IDS } from '@/lib/domain/officer-flags';
import { OFFICER_STATUSES } from '@/lib/domain/officer-status';
import { OFFICER_ROLES, STATUS_REASONS, STATUSES } from '@/lib/domain/types';
import { OFFICER_SORT_KEYS } from '@/lib/domain/officer-sort';
import { areaMetricsSchema } from './area-schemas';
import { isoDateSchema } from './schemas';

export { officerCodeSchema };

export const officerParamsSchema = z.object({ code: officerCodeSchema });

export const officersQuerySchema = z.object({
  asOf: isoDateSchema.optional(),
  /** Kab/kota, kecamatan or kelurahan code: officers whose home area lies in it. */
  area: scopeAreaCodeSchema.optional(),
  role: z.enum(OFFICER_ROLES).optional(),
  /** Officers supervised by this PML (or Koseka). */
  pml: officerCodeSchema.optional(),
  status: z.enum(OFFICER_STATUSES).optional(),
  flag: z.enum(FLAG_IDS).optional(),
  /** Code prefix or part of the name. */
  q: z.string().trim().max(64).optional(),
  sort: z.enum(OFFICER_SORT_KEYS).default('urgency'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OfficersQuery = z.infer<typeof officersQuerySchema>;

export const officerDetailQuerySchema = z.object({ asOf: isoDateSchema.optional() });

const ratio = z.number().nullable();
const date = z.string().nullable();

export const officerFlagJsonSchema = z.object({ id: z.enum(FLAG_IDS), message: z.string() });

/**
 * The area metric names of DESIGN.md (taken from the one area-metrics schema, so the two never
 * drift), with the officer's identity, status and flags in place of an area's.
 */
export const officerRowJsonSchema = areaMetricsSchema
  .omit({ code: true, name: true, level: true, kemendagriCode: true, status: true })
  .extend({
    code: z.string(),
    name: z.string(),
    role: z.enum(OFFICER_ROLES),
    phone: z.string().nullable(),
    supervisorCode: z.string().nullable(),
    supervisorName: z.string().nullable(),
    areaCode: z.string(),
    areaName: z.string().nullable(),
    kecamatanCode: z.string().nullable(),
    kecamatanName: z.string().nullable(),
    kelurahanCode: z.string().nullable(),
    kelurahanName: z.string().nullable(),
    subslsCount: z.number().int(),
    subslsOpen: z.number().int().meta({ description: 'Assigned sub-SLS not closed yet (closed < universe)' }),
    status: z.enum(OFFICER_STATUSES),
    statusReason: z.enum(STATUS_REASONS),
    forecastStatus: z.enum(STATUSES),
    lastReport: date,
    daysSilent: z.number().int(),
    reportedOnAsOf: z.boolean(),
    flags: z.array(officerFlagJsonSchema),
    sparkline: z.array(z.number()),
  });
export type OfficerRowJson = z.infer<typeof officerRowJsonSchema>;

const counted = <T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), z.number().int());

export const officerPageJsonSchema = z.object({
  asOf: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  rows: z.array(officerRowJsonSchema),
  counts: z.object({ status: counted(OFFICER_STATUSES), flags: counted(FLAG_IDS) }),
});
export type OfficerPageJson = z.infer<typeof officerPageJsonSchema>;

export const subslsProgressJsonSchema = z.object({
  code: z.string(),
  name: z.string(),
  kelurahanName: z.string().nullable(),
  kodePetugas: z.string(),
  lastReport: date,
  prelist: z.number().int(),
  keluargaBaru: z.number().int(),
  universe: z.number().int(),
  selesai: z.number().int(),
  menolak: z.number().int(),
  tidakDitemui: z.number().int(),
  tidakDitemukan: z.number().int(),
  closed: z.number().int(),
  progres: ratio,
  tingkatPenolakan: ratio,
  pace7: z.number(),
  projectedFinish: date,
  status: z.enum(STATUSES),
  statusReason: z.enum(STATUS_REASONS),
  statusDetail: areaMetricsSchema.shape.statusDetail,
});

export const officerDetailJsonSchema = z.object({
  officer: officerRowJsonSchema,
  supervisor: officerRowJsonSchema.nullable(),
  team: z.array(officerRowJsonSchema),
  teamTotals: officerRowJsonSchema.nullable(),
  daily: z.array(z.object({ tanggal: z.string(), closed: z.number().int(), pace: z.number().int() })),
  subsls: z.array(subslsProgressJsonSchema),
});
export type OfficerDetailJson = z.infer<typeof officerDetailJsonSchema>;
