import { z } from 'zod';
import { areaFilePattern } from '@/lib/domain/area-code';
import { AREA_LEVELS } from '@/lib/domain/types';
import { isoDateSchema } from './schemas';

/** "{code}.{csv|xlsx|pdf}" with a BPS area code. */
export const exportFileSchema = z.string().regex(areaFilePattern(['csv', 'xlsx', 'pdf']), 'file as {code}.{csv|xlsx|pdf}');

export const exportQuerySchema = z.object({
  asOf: isoDateSchema.optional(),
  level: z.enum(AREA_LEVELS).optional(),
  delimiter: z.enum(['comma', 'semicolon']).optional(),
});

/** "{code}.{csv|xlsx}" with a BPS area code: the officer lists of the officers working in that area. */
export const officerExportFileSchema = z.string().regex(areaFilePattern(['csv', 'xlsx']), 'file as {code}.{csv|xlsx}');

export const officerExportQuerySchema = z.object({
  asOf: isoDateSchema.optional(),
  /** all: every officer, worst first (the /petugas list); silent: PPL with no report dated asOf. */
  list: z.enum(['all', 'silent']).default('all'),
  delimiter: z.enum(['comma', 'semicolon']).optional(),
});
