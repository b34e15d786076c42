// The zod schemas of the ingest endpoints: what the route handlers parse and what the OpenAPI
// document (lib/api/routes/ingest.ts) describes, from one definition.
import { z } from 'zod';
import { isoDateSchema } from '@/lib/api/schemas';
import { OFFICER_CODE_PATTERN } from '@/lib/domain/area-code';
import { IMPORT_KINDS } from './columns';
import { dailyReportSchema } from './report-schema';

/** Downloads are plain links: they name the page's language, which may differ from the browser's. */
export const langSchema = z.enum(['id', 'en']).optional().meta({ description: 'Language of the reasons (default: the request’s)' });

export const importParamsSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const submitQuerySchema = z.object({ source: z.enum(['api', 'form', 'simulator']).default('api') });
export const importListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  source: z.enum(['api', 'upload', 'form', 'simulator', 'seed']).optional(),
});
export const importDetailQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const rejectionsCsvQuerySchema = z.object({ delimiter: z.enum(['comma', 'semicolon']).default('comma'), lang: langSchema });
export const langQuerySchema = z.object({ lang: langSchema });
export const templateParamsSchema = z.object({
  file: z
    .string()
    .regex(/^(reports|areas|officers|assignments)\.(csv|xlsx)$/)
    .transform((f) => {
      const [kind, ext] = f.split('.') as [(typeof IMPORT_KINDS)[number], 'csv' | 'xlsx'];
      return { kind, ext };
    }),
});
export const changesQuerySchema = z.object({ since: z.string().max(64).optional() });
export const assignmentsQuerySchema = z.object({
  asOf: isoDateSchema.optional(),
  petugas: z.string().regex(OFFICER_CODE_PATTERN).optional(),
});

/** A UUID, or any other id of 8–64 letters, digits and . _ : - that the client keeps unique. */
export const submissionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,64}$/, 'submission id: 8–64 letters, digits, dot, underscore, colon, dash')
  .meta({ description: 'Client-made id of this submission (a UUID): a repeat with the same id and body returns the first answer and writes nothing' });

/** The request headers POST /api/v1/reports reads (also described in the OpenAPI document). */
export const submissionHeadersSchema = z.object({ 'idempotency-key': submissionIdSchema.optional() });

export const reportBatchSchema = z.array(dailyReportSchema).max(5000).meta({ description: 'Up to 5,000 daily reports; each is judged on its own' });

const rejectionReasonSchema = z.object({ index: z.number().int(), field: z.string(), code: z.string(), reason: z.string() });
const correctionSchema = z.object({
  index: z.number().int(),
  line: z.number().int().optional(),
  kodeSubsls: z.string(),
  tanggal: z.string(),
  fields: z.array(z.string()),
  previousTanggal: z.string(),
});
export const submitResponseSchema = z.object({
  importId: z.number().int().nullable(),
  accepted: z.number().int(),
  replaced: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int().meta({ description: 'Rejected rows (a row may have several reasons)' }),
  rejections: z.array(rejectionReasonSchema),
  corrections: z.array(correctionSchema).meta({ description: 'Accepted rows whose cumulative counts fell below the previous date’s' }),
});

const rejectedRowSchema = z.object({
  index: z.number().int(),
  line: z.number().int().optional().meta({ description: 'Spreadsheet row (the header is row 1)' }),
  values: z.record(z.string(), z.string()),
  errors: z.array(z.object({ field: z.string(), code: z.string(), reason: z.string() })),
});
const counts = {
  totalRows: z.number().int(),
  accepted: z.number().int(),
  replaced: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
};
export const importResponseSchema = z.object({
  id: z.number().int(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(['applied', 'rejected', 'failed']),
  ...counts,
  rejections: z.array(rejectedRowSchema).meta({ description: 'The first 100 rejected rows; the rest from GET /api/v1/imports/{id}' }),
  corrections: z.array(correctionSchema),
});
const importSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(IMPORT_KINDS),
  source: z.enum(['api', 'upload', 'form', 'simulator', 'seed']),
  filename: z.string().nullable(),
  status: z.enum(['running', 'applied', 'rejected', 'failed']),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  ...counts,
});
export const importListSchema = z.object({ items: z.array(importSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const importDetailSchema = importSummarySchema.extend({
  message: z.string().nullable().meta({ description: 'What was wrong with the whole file, if anything' }),
  rejections: z.array(rejectedRowSchema),
  offset: z.number().int(),
  limit: z.number().int(),
});
export const uploadBodySchema = z.object({
  kind: z.enum(IMPORT_KINDS).optional().meta({ description: 'Sent before file; omitted = told from the headers' }),
  file: z.string().meta({ description: 'CSV, TSV or XLSX, at most 20 MB', format: 'binary' }),
});
export const changesResponseSchema = z.object({ token: z.string(), changed: z.boolean() });
const countsSchema = z.object({ selesai: z.number().int(), menolak: z.number().int(), tidakDitemui: z.number().int(), tidakDitemukan: z.number().int(), keluargaBaru: z.number().int() });
export const assignmentsResponseSchema = z.object({
  asOf: z.string(),
  window: z.object({ startDate: z.string(), endDate: z.string(), lastReportDate: z.string() }),
  items: z.array(
    z.object({
      kodeSubsls: z.string(),
      name: z.string(),
      kelurahan: z.string(),
      prelist: z.number().int(),
      kodePetugas: z.string(),
      namaPetugas: z.string(),
      kodePml: z.string().nullable(),
      last: countsSchema.extend({ tanggal: z.string(), catatan: z.string().nullable() }).nullable(),
    }),
  ),
});
