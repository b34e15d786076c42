import { describe, expect, it } from 'vitest';
import { scriptSources } from '@/scripts/bench/bundle';
import {
  GROWTH_END,
  GROWTH_START,
  judge,
  latency,
  renderMarkdownTable,
  renderPerformanceDoc,
  renderTable,
  scaleRatio,
  summaryOf,
  verdictOf,
  type BenchResults,
  type Figure,
} from '@/scripts/bench/report';

const p95: Figure = { section: '/areas', name: 'p95', unit: 'ms', values: { '1': 20, '10': 28 }, targets: [{ max: 25, on: 'base' }, { max: 1.5, on: 'ratio' }] };

describe('bench report', () => {
  it('takes percentiles of latencies', () => {
    const l = latency([5, 1, 4, 2, 3]);
    expect(l).toEqual({ p50: 3, p95: expect.closeTo(4.8, 5), n: 5 });
  });

  it('judges a target on the first scale, on each scale and on the ratio', () => {
    expect(scaleRatio(p95, [1, 10])).toBeCloseTo(1.4);
    expect(judge(p95, { max: 25, on: 'base' }, [1, 10])).toBe('met');
    expect(judge(p95, { max: 25, on: 'each' }, [1, 10])).toBe('missed');
    expect(judge(p95, { max: 1.5, on: 'ratio' }, [1, 10])).toBe('met');
    expect(judge(p95, { max: 1.5, on: 'ratio' }, [1])).toBe('n/a');
    expect(verdictOf(p95, [1, 10])).toBe('met');
    expect(verdictOf({ ...p95, values: { '1': 30, '10': 31 } }, [1, 10])).toBe('missed');
  });

  it('says n/a for an unmeasured figure and for one without targets', () => {
    expect(verdictOf({ ...p95, values: { '1': null, '10': null } }, [1, 10])).toBe('n/a');
    expect(verdictOf({ ...p95, targets: undefined }, [1, 10])).toBe('n/a');
  });

  it('renders one row per figure with each scale, the ratio, target and verdict', () => {
    const r = { scales: [1, 10], figures: [p95, { section: 'seed', name: 'PostgreSQL', unit: 's', values: { '1': 12.345, '10': null } }] };
    const text = renderTable(r).split('\n');
    expect(text[0]).toMatch(/^figure\s+1×\s+10×\s+10×\/1×\s+target\s+verdict$/);
    expect(text[2]).toMatch(/\/areas · p95 \(ms\)\s+20\.0\s+28\.0\s+1\.40×\s+≤ 25 ms at 1×; 10×\/1× ≤ 1\.5\s+met/);
    expect(text[3]).toMatch(/seed · PostgreSQL \(s\)\s+12\.3\s+—\s+—\s+—\s+n\/a/);
    expect(renderMarkdownTable(r).split('\n')).toHaveLength(4);
    expect(summaryOf(r)).toEqual({ met: ['/areas · p95: ≤ 25 ms at 1×', '/areas · p95: 10×/1× ≤ 1.5'], missed: [] });
  });

  it('keeps the growth block of PERFORMANCE.md on a full run and replaces only it on a growth run', () => {
    const run = (scales: number[], value: number): BenchResults => ({
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:10:00.000Z',
      durationS: 600,
      scales,
      suites: ['api'],
      machine: { cores: 2, cpuModel: 'cpu', ramGb: 24, loadAvgStart: [1, 2, 3], node: 'v20', postgres: 'PostgreSQL 15', platform: 'linux x64' },
      settings: { connections: 32, durationS: 8 },
      figures: [{ section: 'x', name: 'y', unit: 'ms', values: Object.fromEntries(scales.map((s) => [String(s), value])) }],
      notes: [],
    });
    const first = renderPerformanceDoc(run([1, 10], 5), null, 'METHOD');
    expect(first).toContain(GROWTH_START);
    const grown = renderPerformanceDoc(run([100], 77), first, 'METHOD');
    expect(grown).toContain('| x · y (ms) | 77.0 |');
    expect(grown).toContain('| x · y (ms) | 5.00 | 5.00 |');
    const again = renderPerformanceDoc(run([1, 10], 6), grown, 'METHOD');
    expect(again).toContain('| x · y (ms) | 77.0 |');
    expect(again).toContain('| x · y (ms) | 6.00 | 6.00 |');
    expect(again.indexOf(GROWTH_END)).toBeGreaterThan(again.indexOf(GROWTH_START));
    const noted = again.replace('Nothing written yet.', 'The auth lookup dominates.');
    expect(renderPerformanceDoc(run([1, 10], 7), noted, 'METHOD')).toContain('The auth lookup dominates.');
    const growthFirst = renderPerformanceDoc(run([100], 77), null, 'METHOD');
    expect(renderPerformanceDoc(run([1, 10], 6), growthFirst, 'METHOD')).toContain('| x · y (ms) | 77.0 |');
  });

  it('lists the /_next scripts of a page once each, without the nomodule polyfills', () => {
    const html = '<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js?dpl=x"></script><script src="/_next/static/chunks/a.js"></script><script src="https://x.test/other.js"></script><script src="/_next/static/chunks/polyfills.js" noModule=""></script>';
    expect(scriptSources(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js']);
  });
});
