// Request and response schemas of the area read API (DESIGN.md, Public contracts). The route
// handlers parse with the request schemas; the OpenAPI document is generated from all of them
// (component names are given there, in lib/api/routes/areas.ts, not as global ids here).
import { z } from 'zod';
import { AREA_LEVELS, STATUS_REASONS, STATUSES } from '@/lib/domain/types';
import { areaCodeSchema, isoDateSchema } from './schemas';

const date = (description: string) => isoDateSchema.meta({ format: 'date', description });
const ratio = (description: string) => z.number().nullable().meta({ description: `${description}; a fraction 0..1, null when the denominator is 0` });
const count = (description: string) => z.int().min(0).meta({ description });

export const areaPathSchema = z.object({ code: areaCodeSchema.meta({ description: 'BPS area code: 4, 7, 10, 14 or 16 digits, as text' }) });

export const areaQuerySchema = z.object({
  asOf: date(
    'As-of date; default the kab/kota’s latest complete day (the same for every viewer). A later, partial day may be asked for: its counts are shown, while pace, forecasts and statuses stay those of the latest complete day. Must lie in the fieldwork window plus its grace days.',
  ).optional(),
});

export const childrenQuerySchema = areaQuerySchema.extend({
  level: z
    .enum(AREA_LEVELS)
    .optional()
    .meta({ description: 'List every descendant at this level (at most two levels below) instead of the direct children' }),
});

export const dailyQuerySchema = z.object({
  from: date('First date; default the first day of the window').optional(),
  to: date('Last date; default the latest complete day').optional(),
});

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100).meta({ description: 'Part of a name, or the start of a BPS code (6471020002) or Kemendagri code (64.71.01.1004)' }),
});

export const areaRefSchema = z
  .strictObject({
    code: z.string(),
    name: z.string(),
    level: z.enum(AREA_LEVELS),
    kemendagriCode: z.string().nullable(),
  });

export const areaMetricsSchema = areaRefSchema
  .extend({
    asOf: date('The date the figures are as of'),
    prelist: count('P: prelist families (initial target)'),
    keluargaBaru: count('B: families found that were not in the prelist'),
    universe: count('U = P + B'),
    selesai: count('Families enumerated'),
    menolak: count('Families who refused (so far)'),
    tidakDitemui: count('Families not met yet (to be revisited)'),
    tidakDitemukan: count('Prelist families that no longer exist there'),
    belumDikunjungi: count('U − selesai − menolak − tidak ditemui − tidak ditemukan'),
    closed: count('selesai + tidak ditemukan'),
    progres: ratio('closed / U'),
    cakupanSasaranAwal: ratio('selesai / P'),
    tingkatPenolakan: ratio('menolak / (selesai + menolak)'),
    nonrespons: ratio('(menolak + tidak ditemui) / U'),
    pace: z.number().meta({ description: 'Daily pace: increase of closed from the day before to asOf' }),
    pace7: z.number().meta({ description: 'Mean of the last 7 daily paces' }),
    requiredPace: z.number().nullable().meta({ description: '(U − closed) / days left in the window (asOf excluded); null when no day is left' }),
    projectedFinish: date('asOf + ceil((U − closed) / pace7); null when pace7 is 0').nullable(),
    projectedFinishLow: date('Finish at the 90th percentile of the last 14 daily paces (the early end)').nullable(),
    projectedFinishHigh: date('Finish at the 10th percentile of the last 14 daily paces (the late end); null when that pace is 0').nullable(),
    status: z.enum(STATUSES).meta({
      description:
        'selesai (nothing left), belum_mulai (nothing closed and no report yet), macet (closed not grown for ≥ 3 complete days), ' +
        'else by projected finish: sesuai_jadwal (≤ last day), berisiko (≤ last day + 3), tertinggal (later or never). ' +
        'SLS and sub-SLS are judged against their PPL’s plan (what that PPL has left over the days left); kelurahan and above against their own forecast. ' +
        'Pace, forecast and status use complete days only.',
    }),
    statusReason: z.enum(STATUS_REASONS).meta({
      description:
        'Why: semua_tertutup, belum_ada_laporan, tidak_bertambah (statusDetail.stalledDays), laju_cukup / laju_kurang (pace7 against the required pace), ' +
        'rencana_ppl_cukup / rencana_ppl_kurang (the PPL’s pace against what the PPL needs), tanpa_laju (no pace), tidak_lapor (officers: silent)',
    }),
    statusDetail: z
      .strictObject({
        stalledDays: count('Complete days since closed last grew (counted back at most 16 days)'),
        pace: z.number().meta({ description: 'The pace judged: pace7 of the area, or of its PPL for SLS and sub-SLS' }),
        requiredPace: z.number().nullable().meta({ description: 'The pace needed by the last day for what was judged; null when no day is left' }),
      })
      .meta({ description: 'The numbers the status sentence quotes' }),
    paceDays: count('Complete days behind pace7 (at most 7); a forecast from fewer than 3 is not enough data'),
    daysLeft: count('Days of the window left after asOf'),
    expectedProgres: z.number().meta({ description: 'Plan line: day index / window length (0..1)' }),
  });

export const officerRefSchema = z.strictObject({ code: z.string(), name: z.string() });

export const reportingSchema = z
  .strictObject({
    tanggal: date('The as-of date'),
    reported: count('Of the expected PPL, those with a report dated tanggal'),
    expected: count('PPL holding a sub-SLS of this area (within the viewer’s scope) unfinished at the end of the day before'),
    complete: z.boolean().meta({
      description:
        'tanggal is on or before the kab/kota’s latest complete day: a day is complete when reported / expected reaches the campaign’s threshold (default 0.8) kab/kota-wide, or a later day is complete. ' +
        'Pace, forecasts and statuses use complete days only.',
    }),
  })
  .meta({ description: 'Reporting completeness of the as-of date' });

export const areaResponseSchema = areaMetricsSchema.extend({ breadcrumb: z.array(areaRefSchema), reporting: reportingSchema });

export const childAreaSchema = areaMetricsSchema
  .extend({ officers: z.array(officerRefSchema).optional().meta({ description: 'PPL holding the area (SLS and sub-SLS rows only)' }) });

export const childrenResponseSchema = z
  .strictObject({ code: z.string(), asOf: date('As-of date'), level: z.enum(AREA_LEVELS), children: z.array(childAreaSchema) });

export const dailyRowSchema = z
  .strictObject({
    tanggal: date('Date'),
    prelist: z.int().min(0),
    keluargaBaru: z.int().min(0),
    selesai: z.int().min(0),
    menolak: z.int().min(0),
    tidakDitemui: z.int().min(0),
    tidakDitemukan: z.int().min(0),
    universe: z.int().min(0),
    closed: z.int().min(0),
    belumDikunjungi: z.int().min(0),
    progres: ratio('closed / U'),
    cakupanSasaranAwal: ratio('selesai / P'),
    tingkatPenolakan: ratio('menolak / (selesai + menolak)'),
    nonrespons: ratio('(menolak + tidak ditemui) / U'),
    pace: z.number().meta({ description: 'closed(D) − closed(D−1)' }),
    pace7: z.number().meta({ description: 'Mean of the 7 daily paces up to D' }),
    requiredPace: z.number().nullable().meta({ description: '(U − closed) / days left after D; null from the last day on' }),
    expectedProgres: z.number().meta({ description: 'Plan line on D (0..1)' }),
  });

export const dailyResponseSchema = z
  .strictObject({ code: z.string(), from: date('First date'), to: date('Last date'), days: z.array(dailyRowSchema) });

export const searchResponseSchema = z.strictObject({ q: z.string(), results: z.array(areaRefSchema) });

export type AreaResponse = z.infer<typeof areaResponseSchema>;
export type ChildArea = z.infer<typeof childAreaSchema>;
export type OfficerRefBody = z.infer<typeof officerRefSchema>;
export type ChildrenResponse = z.infer<typeof childrenResponseSchema>;
export type DailyResponse = z.infer<typeof dailyResponseSchema>;
export type DailyRowBody = z.infer<typeof dailyRowSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
