// The zod schemas of BPS area codes and officer codes, built from the patterns of ./area-code.ts:
// what API parameters (lib/api/*-schemas.ts) and page URLs (app/**/page.tsx) parse codes with.
import { z } from 'zod';
import { areaCodePattern, levelCodePattern, OFFICER_CODE_PATTERN } from './area-code';
import type { AreaLevel } from './types';

/**
 * The schemas' hand-written messages. lib/api/handler.ts (HAND_WRITTEN_ID) turns these English
 * strings into Indonesian by their exact text: change one only together with it.
 */
export const CODE_MESSAGES = {
  area: 'BPS area code: 4, 7, 10, 14 or 16 digits',
  scopeArea: 'kab/kota, kecamatan or kelurahan code',
  officer: 'officer code: letters, digits, dot, dash, underscore',
} as const;

/** A BPS area code: 4, 7, 10, 14 or 16 digits, always text. */
export const areaCodeSchema = z.string().regex(areaCodePattern(), CODE_MESSAGES.area);

/** An area a role can be rooted at or a list filtered by: a kab/kota, kecamatan or kelurahan code. */
export const scopeAreaCodeSchema = z.string().regex(areaCodePattern('kelurahan'), CODE_MESSAGES.scopeArea);

/** A code of exactly one level, e.g. the 14 digits of an SLS. */
export const levelCodeSchema = (level: AreaLevel, message: string) => z.string().regex(levelCodePattern(level), message);

/** An officer code (PPL, PML, koseka). */
export const officerCodeSchema = z.string().regex(OFFICER_CODE_PATTERN, CODE_MESSAGES.officer);
