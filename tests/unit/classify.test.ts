import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classIndex,
  classify,
  legendEntries,
  niceFloor,
  pickColors,
  quantileBreaks,
  readableTextColor,
  symbolLegendValues,
  symbolRadius,
} from '@/lib/domain/classify';

const pct = (v: number) => `${Math.round(v * 100)} %`;

describe('classIndex', () => {
  it('puts a value equal to a break in the class above it, and null in no class', () => {
    const breaks = [0.2, 0.4, 0.6];
    expect([0, 0.19, 0.2, 0.39, 0.4, 0.6, 1.2].map((v) => classIndex(v, breaks))).toEqual([0, 0, 1, 1, 2, 3, 3]);
    expect(classIndex(null, breaks)).toBeNull();
    expect(classIndex(Number.NaN, breaks)).toBeNull();
  });

  it('never decreases as the value grows', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 8 }), fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (raw, v, dv) => {
        const breaks = [...new Set(raw)].sort((a, b) => a - b);
        expect(classIndex(v + dv, breaks)!).toBeGreaterThanOrEqual(classIndex(v, breaks)!);
      }),
    );
  });
});

describe('classify', () => {
  it('uses the fixed breaks as given', () => {
    expect(classify([0.1, 0.5, null, 0.95], 'fixed', [0.25, 0.5, 0.75])).toEqual({ breaks: [0.25, 0.5, 0.75], classes: [0, 2, null, 3] });
  });

  it('makes as many quantile classes as the fixed breaks make, of near-equal size', () => {
    const values = Array.from({ length: 100 }, (_, i) => i / 100);
    const { breaks, classes } = classify(values, 'quantile', [0.2, 0.4, 0.6, 0.8]);
    expect(breaks).toHaveLength(4);
    const sizes = [0, 1, 2, 3, 4].map((c) => classes.filter((x) => x === c).length);
    expect(sizes.every((n) => n >= 19 && n <= 21)).toBe(true);
  });

  it('gives fewer quantile classes when values repeat, and none without values', () => {
    expect(quantileBreaks([0.5, 0.5, 0.5, 0.5], 5)).toEqual([]);
    expect(quantileBreaks([0, 0, 0, 1], 2)).toEqual([]);
    expect(quantileBreaks([0, 0, 1, 1], 2)).toEqual([0.5]);
    expect(quantileBreaks([null, null], 4)).toEqual([]);
  });

  it('keeps every value in a class that exists', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { maxLength: 60 }), fc.integer({ min: 2, max: 7 }), (values, k) => {
        const { breaks, classes } = classify(values, 'quantile', Array.from({ length: k - 1 }, (_, i) => i));
        expect(breaks).toEqual([...breaks].sort((a, b) => a - b));
        classes.forEach((c, i) => (values[i] === null ? expect(c).toBeNull() : expect(c).toBeLessThanOrEqual(breaks.length)));
      }),
    );
  });
});

describe('legend entries', () => {
  it('labels open-ended first and last classes and gives each its colour', () => {
    const entries = legendEntries([0.2, 0.4], ['#a', '#b', '#c'], pct);
    expect(entries).toEqual([
      { key: '0', label: '< 20 %', color: '#a', from: null, to: 0.2 },
      { key: '1', label: '20 % – 40 %', color: '#b', from: 0.2, to: 0.4 },
      { key: '2', label: '≥ 40 %', color: '#c', from: 0.4, to: null },
    ]);
  });

  it('spreads fewer colours over the whole palette, ends included', () => {
    const palette = ['#0', '#1', '#2', '#3', '#4', '#5'];
    expect(pickColors(palette, 6)).toEqual(palette);
    expect(pickColors(palette, 3)).toEqual(['#0', '#3', '#5']);
    expect(pickColors(palette, 2)).toEqual(['#0', '#5']);
    expect(pickColors(palette, 1)).toEqual(['#5']);
    expect(pickColors(palette, 0)).toEqual([]);
  });
});

describe('proportional symbols', () => {
  it('makes the circle area proportional to the count', () => {
    const r100 = symbolRadius(100, 400, 20);
    const r400 = symbolRadius(400, 400, 20);
    expect(r400).toBe(20);
    expect((r400 / r100) ** 2).toBeCloseTo(4);
    expect(symbolRadius(0, 400, 20)).toBe(0);
    expect(symbolRadius(5, 0, 20)).toBe(0);
  });

  it('shows round reference counts not above the largest', () => {
    expect([1, 3, 7, 12, 242, 999, 5000].map(niceFloor)).toEqual([1, 2, 5, 10, 200, 500, 5000]);
    expect(symbolLegendValues(242)).toEqual([200, 50]);
    expect(symbolLegendValues(3)).toEqual([2]);
    expect(symbolLegendValues(0)).toEqual([]);
  });
});

describe('readableTextColor', () => {
  it('writes black on light fills and white on dark ones', () => {
    expect(['#ffffcc', '#7fcdbb', '#d4d4d8', '#e69f00'].map(readableTextColor)).toEqual(['#000000', '#000000', '#000000', '#000000']);
    expect(['#253494', '#7a0177', '#bd0026', '#0072b2'].map(readableTextColor)).toEqual(['#ffffff', '#ffffff', '#ffffff', '#ffffff']);
  });
});
