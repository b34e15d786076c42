import { z } from 'zod';
import { areaCodeSchema } from '@/lib/domain/area-code-schemas';
import { isIsoDate } from '@/lib/domain/dates';

export { areaCodeSchema };

export const isoDateSchema = z.string().refine(isIsoDate, 'date as YYYY-MM-DD');

export const areaParamsSchema = z.object({ code: areaCodeSchema });
export const asOfQuerySchema = z.object({ asOf: isoDateSchema.optional() });
