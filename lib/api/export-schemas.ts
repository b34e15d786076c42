import { z } from 'zod';
import { AREA_LEVELS } from '@/lib/domain/types';
import { isoDateSchema } from './schemas';

/** "{code}.{csv|xlsx|pdf}" with a BPS area code. */
export const exportFileSchema = z.string().regex(/^\d{4}(\d{3}(\d{3}(\d{4}(\d{2})?)?)?)?\.(csv|xlsx|pdf)$/, 'file as {code}.{csv|xlsx|pdf}');

export const exportQuerySchema = z.object({
  asOf: isoDateSchema.optional(),
  level: z.enum(AREA_LEVELS).optional(),
  delimiter: z.enum(['comma', 'semicolon']).optional(),
});
