import { z } from 'zod';
import { areaFilePattern } from '@/lib/domain/area-code';
import { isoDateSchema } from './schemas';

/** "{code}.{pdf|png}": a kota, kecamatan or kelurahan code (the archived levels). */
export const archiveFileSchema = z.string().regex(areaFilePattern(['pdf', 'png'], 'kelurahan'), 'file as {code}.{pdf|png}');

export const archivePathSchema = z.object({
  date: isoDateSchema.meta({ description: 'The archived day, YYYY-MM-DD' }),
  file: archiveFileSchema.meta({ description: 'Area code and kind: {code}.pdf (daily report) or {code}.png (summary card)' }),
});
