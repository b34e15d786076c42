import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaFilePattern, codeAtLevel, levelBelow, levelBelowCode, levelOfCode, lineageCodes, parentCode } from '@/lib/domain/area-code';
import { areaCodeSchema, officerCodeSchema, scopeAreaCodeSchema } from '@/lib/domain/area-code-schemas';
import { AREA_LEVELS, LEVEL_CODE_LENGTH, type AreaLevel } from '@/lib/domain/types';

const digits = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
const level = fc.constantFrom(...AREA_LEVELS);
const codeAt = (l: AreaLevel) => digits(LEVEL_CODE_LENGTH[l], LEVEL_CODE_LENGTH[l]);
const anyCode = level.chain(codeAt);
const LENGTHS = new Set([4, 7, 10, 14, 16]);

describe('area codes', () => {
  it('reads the level from the length: kota 4, kecamatan 7, kelurahan 10, SLS 14, sub-SLS 16', () => {
    expect(['6471', '6471010', '6471010007', '64710100070001', '6471010007000100'].map(levelOfCode)).toEqual(['kota', 'kecamatan', 'kelurahan', 'sls', 'subsls']);
    fc.assert(fc.property(digits(0, 20), (c) => {
      expect(levelOfCode(c) === null).toBe(!LENGTHS.has(c.length));
    }));
  });

  it("a code's parent is its prefix one level up; a kab/kota has none", () => {
    fc.assert(
      fc.property(anyCode, (code) => {
        const parent = parentCode(code);
        const l = levelOfCode(code)!;
        if (l === 'kota') {
          expect(parent).toBeNull();
          return;
        }
        expect(code.startsWith(parent!)).toBe(true);
        expect(levelOfCode(parent!)).toBe(AREA_LEVELS[AREA_LEVELS.indexOf(l) - 1]);
        expect(levelBelowCode(parent!)).toBe(l);
      }),
    );
    expect(parentCode('64710')).toBeNull();
  });

  it('the level below walks the levels in order and ends after sub-SLS', () => {
    fc.assert(
      fc.property(level, fc.integer({ min: 1, max: 4 }), (l, depth) => {
        const i = AREA_LEVELS.indexOf(l) + depth;
        expect(levelBelow(l, depth)).toBe(i < AREA_LEVELS.length ? AREA_LEVELS[i] : null);
        expect(levelBelowCode('1'.repeat(LEVEL_CODE_LENGTH[l]), depth)).toBe(levelBelow(l, depth));
      }),
    );
    expect(levelBelowCode('123')).toBeNull();
  });

  it('the lineage is every ancestor from the kab/kota to the code, each a prefix at its level', () => {
    fc.assert(
      fc.property(anyCode, (code) => {
        const line = lineageCodes(code);
        expect(line.at(-1)).toBe(code);
        expect(line.map(levelOfCode)).toEqual(AREA_LEVELS.slice(0, line.length));
        line.forEach((c) => expect(codeAtLevel(code, levelOfCode(c)!)).toBe(c));
        expect(line.slice(0, -1)).toEqual(line.slice(1).map(parentCode));
      }),
    );
  });

  it('the area schema accepts exactly 4, 7, 10, 14 or 16 digits', () => {
    fc.assert(fc.property(digits(0, 20), (c) => {
      expect(areaCodeSchema.safeParse(c).success).toBe(LENGTHS.has(c.length));
    }));
    for (const bad of ['6471a', ' 6471', '6471\n', '6,47102E+15', '١٢٣٤']) expect(areaCodeSchema.safeParse(bad).success, bad).toBe(false);
    expect(areaCodeSchema.safeParse('12').error?.issues[0].message).toBe('BPS area code: 4, 7, 10, 14 or 16 digits');
  });

  it('the scope schema takes a kab/kota, kecamatan or kelurahan only; file names add their extension', () => {
    fc.assert(fc.property(digits(0, 20), (c) => {
      expect(scopeAreaCodeSchema.safeParse(c).success).toBe([4, 7, 10].includes(c.length));
    }));
    fc.assert(fc.property(anyCode, (c) => {
      expect(areaFilePattern(['csv']).test(`${c}.csv`) && !areaFilePattern(['csv']).test(`${c}.pdf`)).toBe(true);
    }));
    expect(areaFilePattern(['pdf'], 'kelurahan').test('64710100070001.pdf')).toBe(false);
  });

  it('an officer code is 1–32 letters, digits, dots, dashes or underscores', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(officerCodeSchema.safeParse(s).success).toBe(s.length >= 1 && s.length <= 32 && /^[A-Za-z0-9._-]*$/.test(s));
      }
      ),
    );
    expect(officerCodeSchema.safeParse('PPL-6471.001_a').success).toBe(true);
    expect(officerCodeSchema.safeParse('a b').error?.issues[0].message).toBe('officer code: letters, digits, dot, dash, underscore');
  });
});
