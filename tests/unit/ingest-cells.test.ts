import { describe, expect, it } from 'vitest';
import { readCount, readDate, readDigits, readOfficerCode, readText } from '@/lib/ingest/cells';

describe('codes are read as text, never guessed back from numbers', () => {
  it.each([
    ['6471020002000101', '6471020002000101'],
    ['  6471020002000101 ', '6471020002000101'],
    ["'6471020002000101", '6471020002000101'],
    ['="6471020002000101"', '6471020002000101'],
  ])('accepts %j', (cell, code) => {
    expect(readDigits(cell, [16])).toEqual({ ok: true, value: code });
  });

  it.each(['6,47102E+15', '6.47102E+15', '6.471020002E15', '6,47102e+15'])('refuses %j as a code Excel turned into scientific notation', (cell) => {
    expect(readDigits(cell, [16])).toMatchObject({ ok: false, code: 'code_scientific', params: { value: cell } });
  });

  it('refuses a 16-digit code held in a number cell, which may have lost its last digit', () => {
    expect(readDigits(6471020002000100, [16])).toMatchObject({ ok: false, code: 'code_numeric_cell' });
  });

  it('accepts a shorter code from a number cell, whose digits survive', () => {
    expect(readDigits(6471020002, [10])).toEqual({ ok: true, value: '6471020002' });
    expect(readOfficerCode(647110324)).toEqual({ ok: true, value: '647110324' });
  });

  it('names the expected length when a code has the wrong one', () => {
    expect(readDigits('64710200020001', [16])).toMatchObject({ ok: false, code: 'bad_code', params: { digits: '16' } });
    expect(readDigits('64.71.01', [4, 7, 10])).toMatchObject({ ok: false, code: 'bad_code' });
    expect(readDigits('', [16])).toMatchObject({ ok: false, code: 'required' });
  });

  it('takes officer codes of letters, digits, dot, underscore and hyphen only', () => {
    expect(readOfficerCode('PPL-01.a_b')).toEqual({ ok: true, value: 'PPL-01.a_b' });
    expect(readOfficerCode('PPL 01')).toMatchObject({ ok: false, code: 'bad_officer_code' });
    expect(readOfficerCode('x'.repeat(33))).toMatchObject({ ok: false, code: 'bad_officer_code' });
  });
});

describe('counts', () => {
  it.each([
    ['12', 12],
    [' 0 ', 0],
    [7, 7],
  ])('accepts %j', (cell, n) => {
    expect(readCount(cell)).toEqual({ ok: true, value: n });
  });

  it.each([
    ['12a', 'not_integer'],
    ['1.5', 'not_integer'],
    ['1.234', 'not_integer'],
    [2.5, 'not_integer'],
    ['-3', 'negative'],
    [-3, 'negative'],
    ['', 'required'],
    [null, 'required'],
    ['100001', 'too_large'],
  ] as const)('refuses %j (%s)', (cell, code) => {
    expect(readCount(cell)).toMatchObject({ ok: false, code });
  });
});

describe('dates', () => {
  it.each([
    ['2022-11-03', '2022-11-03'],
    ['2022/11/3', '2022-11-03'],
    ['03/11/2022', '2022-11-03'],
    ['3/11/2022', '2022-11-03'],
    ['03-11-2022', '2022-11-03'],
    ['03.11.2022', '2022-11-03'],
    ['2022-11-03 00:00:00', '2022-11-03'],
    [new Date(Date.UTC(2022, 10, 3)), '2022-11-03'],
    // Excel stores midnight as a float that can land a hair before it.
    [new Date(Date.UTC(2022, 10, 3) - 1), '2022-11-03'],
    [44868, '2022-11-03'],
  ] as const)('reads %j as %s', (cell, iso) => {
    expect(readDate(cell)).toEqual({ ok: true, value: iso });
  });

  it.each(['11/15/2022', '30/02/2022', '03/11/22', 'kemarin', '2022-13-01', '12345'])('refuses %j', (cell) => {
    expect(readDate(cell)).toMatchObject({ ok: false, code: 'bad_date' });
  });
});

describe('text', () => {
  it('trims, allows blank when optional and bounds the length', () => {
    expect(readText('  RT 001 ', 10, true)).toEqual({ ok: true, value: 'RT 001' });
    expect(readText('', 10, false)).toEqual({ ok: true, value: null });
    expect(readText('', 10, true)).toMatchObject({ ok: false, code: 'required' });
    expect(readText('x'.repeat(11), 10, true)).toMatchObject({ ok: false, code: 'too_long' });
  });
});
