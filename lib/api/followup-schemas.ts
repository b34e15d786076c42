// Request and response schemas of the follow-up API (POST /api/v1/followups, GET
// /api/v1/areas/{code}/followups, GET /api/v1/areas/{code}/refusals and /prelist-drift).
import { z } from 'zod';
import { levelCodeSchema } from '@/lib/domain/area-code-schemas';
import { FOLLOWUP_NOTE_MAX, FOLLOWUP_PARTIES } from '@/lib/domain/followup';
import { AREA_LEVELS } from '@/lib/domain/types';
import { isoDateSchema } from './schemas';

const count = (description: string) => z.int().min(0).max(100_000).meta({ description });
const date = (description: string) => isoDateSchema.meta({ format: 'date', description });

export const followupBodySchema = z.strictObject({
  id: z.int().min(1).optional().meta({ description: 'To edit: the follow-up to write a new version of (history is kept)' }),
  kodeSls: levelCodeSchema('sls', 'SLS code: 14 digits').meta({ description: 'BPS code of the SLS (14 digits, as text)' }),
  tanggal: date('Date of the visit (local date, inside the fieldwork window plus grace)'),
  parties: z.array(z.enum(FOLLOWUP_PARTIES)).min(1).max(FOLLOWUP_PARTIES.length).meta({ description: 'Who went (a fixed list)' }),
  visited: count('Families visited'),
  agreed: count('Of them, families who agreed to be enumerated'),
  stillRefusing: count('Of them, families still refusing'),
  note: z.string().trim().max(FOLLOWUP_NOTE_MAX).nullable().optional().meta({
    description: `A short note, at most ${FOLLOWUP_NOTE_MAX} characters; never names, and a 16-digit number (NIK/KK) is refused`,
  }),
});
export type FollowupBody = z.infer<typeof followupBodySchema>;

export const followupSchema = z.strictObject({
  id: z.int(),
  version: z.int().meta({ description: '1 for the first record; each edit adds one' }),
  kodeSls: z.string(),
  tanggal: date('Date of the visit'),
  parties: z.array(z.enum(FOLLOWUP_PARTIES)),
  visited: z.int(),
  agreed: z.int(),
  stillRefusing: z.int(),
  note: z.string().nullable(),
  createdBy: z.string().meta({ description: 'User who wrote this version' }),
  createdAt: z.string().meta({ format: 'date-time' }),
});

export const followupWriteResponseSchema = z.strictObject({ followup: followupSchema, versions: z.int() });

export const followupsQuerySchema = z.object({
  from: date('First visit date; default none').optional(),
  to: date('Last visit date; default none').optional(),
});

export const followupTotalsSchema = z.strictObject({ visits: z.int(), visited: z.int(), agreed: z.int(), stillRefusing: z.int() });

export const followupsResponseSchema = z.strictObject({
  code: z.string(),
  totals: followupTotalsSchema,
  followups: z.array(followupSchema),
});

export const REFUSAL_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export const refusalsQuerySchema = z.object({
  asOf: date('As-of date (the window is the 7 days ending on it); default the campaign’s as-of').optional(),
  format: z.enum(REFUSAL_FORMATS).optional().meta({ description: 'json (default), csv, xlsx, or pdf (one page per kelurahan)' }),
});

const change = {
  menolak: z.int().meta({ description: 'Open refusals on asOf' }),
  tidakDitemui: z.int().meta({ description: 'Not-met families on asOf' }),
  menolakChange: z.int().meta({ description: 'menolak(asOf) − menolak(asOf − 7)' }),
  tidakDitemuiChange: z.int().meta({ description: 'tidakDitemui(asOf) − tidakDitemui(asOf − 7)' }),
  convertedThisWeek: z.int().meta({ description: 'Refusals converted in the 7 days: converted(asOf) − converted(asOf − 7)' }),
  peak: z.int().meta({ description: 'Σ over sub-SLS of the peak menolak up to asOf' }),
  converted: z.int().meta({ description: 'Σ over sub-SLS of (peak − menolak on asOf)' }),
  konversiPenolakan: z.number().nullable().meta({ description: 'converted ÷ peak; null when there never was a refusal' }),
};

export const refusalRowSchema = z.strictObject({ code: z.string(), name: z.string(), level: z.enum(AREA_LEVELS), ...change });

export const followupListRowSchema = refusalRowSchema.extend({
  ppl: z.array(z.string()),
  pml: z.array(z.string()),
  lastFollowup: z.string().nullable().meta({ format: 'date', description: 'Date of the latest follow-up, if any' }),
});

export const refusalsResponseSchema = z.strictObject({
  area: refusalRowSchema,
  asOf: z.string(),
  windowStart: z.string().meta({ description: 'The day before the window: the change compares asOf with it' }),
  children: z.array(refusalRowSchema),
  sls: z.array(followupListRowSchema).meta({ description: 'Every SLS below the area, most open refusals + not-met first' }),
});

export const driftQuerySchema = z.object({
  asOf: date('As-of date; default the campaign’s as-of').optional(),
  format: z.enum(['json', 'csv', 'xlsx']).optional(),
});

export const driftRowSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  kelurahan: z.string(),
  prelist: z.int(),
  keluargaBaru: z.int(),
  tidakDitemukan: z.int(),
  baruShare: z.number().nullable(),
  tidakDitemukanShare: z.number().nullable(),
  drift: z.number().nullable(),
  z: z.number().nullable().meta({ description: 'Robust z-score of drift within the kelurahan (median/MAD); Infinity is sent as null with flagged true' }),
  flagged: z.boolean().meta({ description: 'z > 3.5' }),
});

export const driftResponseSchema = z.strictObject({ code: z.string(), asOf: z.string(), threshold: z.number(), rows: z.array(driftRowSchema) });
