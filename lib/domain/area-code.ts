// BPS area codes and officer codes (DESIGN.md, Areas and codes): the level a code is at by its
// length, its parent and the level below, and the patterns that API parameters and page URLs are
// parsed with (their zod schemas: ./area-code-schemas.ts — kept apart so a browser component
// that only needs a parent code does not load zod). Codes are text, always; an area's code is a
// prefix of its descendants' codes.
import { AREA_LEVELS, LEVEL_CODE_LENGTH, type AreaLevel } from './types';

const LEVEL_BY_LENGTH = new Map(AREA_LEVELS.map((l) => [LEVEL_CODE_LENGTH[l], l]));

/** The level of an area code by its length; null for a length no level has (digits are not checked). */
export function levelOfCode(code: string): AreaLevel | null {
  return LEVEL_BY_LENGTH.get(code.length) ?? null;
}

/** The level `depth` steps below a level (1: its children); null below sub-SLS. */
export function levelBelow(level: AreaLevel, depth = 1): AreaLevel | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + depth] ?? null;
}

/** The level `depth` steps below the level of a code; null below sub-SLS or for a code of no level. */
export function levelBelowCode(code: string, depth = 1): AreaLevel | null {
  const level = levelOfCode(code);
  return level === null ? null : levelBelow(level, depth);
}

/** The code of the area one level up (a prefix of the code); null for a kab/kota or a code of no level. */
export function parentCode(code: string): string | null {
  const level = levelOfCode(code);
  const up = level === null ? undefined : AREA_LEVELS[AREA_LEVELS.indexOf(level) - 1];
  return up === undefined ? null : code.slice(0, LEVEL_CODE_LENGTH[up]);
}

/** The code of the ancestor at `level` (a prefix of the code); the code itself at its own level. */
export function codeAtLevel(code: string, level: AreaLevel): string {
  return code.slice(0, LEVEL_CODE_LENGTH[level]);
}

/** The codes of every area from the kab/kota down to the code itself: its breadcrumb. */
export function lineageCodes(code: string): string[] {
  return codeLengths('kota', 'subsls')
    .filter((n) => n <= code.length)
    .map((n) => code.slice(0, n));
}

/** The code lengths of the levels from `from` down to `to` (kota … kelurahan: 4, 7, 10). */
export function codeLengths(from: AreaLevel, to: AreaLevel = from): number[] {
  return AREA_LEVELS.slice(AREA_LEVELS.indexOf(from), AREA_LEVELS.indexOf(to) + 1).map((l) => LEVEL_CODE_LENGTH[l]);
}

/**
 * The regex source of a code at any level from the kab/kota down to `deepest`: 4 digits, then
 * the digits each further level adds, each optional only together with the levels below it.
 */
export function areaCodeSource(deepest: AreaLevel = 'subsls'): string {
  const lengths = codeLengths('kota', deepest);
  let tail = '';
  for (let i = lengths.length - 1; i > 0; i--) tail = `(\\d{${lengths[i] - lengths[i - 1]}}${tail})?`;
  return `\\d{${lengths[0]}}${tail}`;
}

/** A code at any level from the kab/kota down to `deepest`. */
export const areaCodePattern = (deepest: AreaLevel = 'subsls') => new RegExp(`^${areaCodeSource(deepest)}$`);

/** A code of exactly one level (a sub-SLS: 16 digits). */
export const levelCodePattern = (level: AreaLevel) => new RegExp(`^\\d{${LEVEL_CODE_LENGTH[level]}}$`);

/** A download named by an area code: `{code}.{ext}`, the code at any level down to `deepest`. */
export const areaFilePattern = (extensions: readonly string[], deepest: AreaLevel = 'subsls') =>
  new RegExp(`^${areaCodeSource(deepest)}\\.(${extensions.join('|')})$`);

/** An officer code: letters, digits, dot, underscore, hyphen; 1 to 32 characters. */
export const OFFICER_CODE_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;
