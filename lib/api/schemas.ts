import { z } from 'zod';
import { isIsoDate } from '@/lib/domain/dates';

/** A BPS area code: 4, 7, 10, 14 or 16 digits, always text. */
export const areaCodeSchema = z.string().regex(/^\d{4}(\d{3}(\d{3}(\d{4}(\d{2})?)?)?)?$/, 'BPS area code: 4, 7, 10, 14 or 16 digits');

export const isoDateSchema = z.string().refine(isIsoDate, 'date as YYYY-MM-DD');

export const areaParamsSchema = z.object({ code: areaCodeSchema });
export const asOfQuerySchema = z.object({ asOf: isoDateSchema.optional() });
