// The pure half of npm run bench: figures, their targets, the printed table and docs/PERFORMANCE.md.
// No I/O here, so it is unit-tested (tests/unit/bench-report.test.ts).
import { percentile } from '@/lib/domain/pace';

export { percentile };

/** p50/p95 of a list of milliseconds. */
export function latency(ms: readonly number[]): { p50: number; p95: number; n: number } {
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), n: ms.length };
}

/**
 * A target on a figure: `max` is the largest value that meets it, `min` (instead) the smallest
 * (e.g. req/s as a share of the floor's). `on` says which value is judged: the first scale's
 * ('base', e.g. p95 at 1×), every scale's ('each'), or the ratio of the last scale to the first
 * ('ratio', e.g. 10× ≤ 1.5 × 1×).
 */
export type Target = ({ max: number; min?: undefined } | { min: number; max?: undefined }) & {
  on: 'base' | 'each' | 'ratio';
};

/** True when `v` is within the target's bound. */
function within(t: Target, v: number): boolean {
  return t.min !== undefined ? v >= t.min : v <= t.max;
}

export interface Figure {
  section: string;
  name: string;
  unit: string;
  /** Value per scale (keys are the scale as a string: JSON objects); null = not measured. */
  values: Record<string, number | null>;
  targets?: Target[];
  note?: string;
}

export type Verdict = 'met' | 'missed' | 'n/a';

/** The ratio last scale / first scale, when both were measured and the first is not zero. */
export function scaleRatio(f: Figure, scales: readonly number[]): number | null {
  if (scales.length < 2) return null;
  const a = f.values[String(scales[0])];
  const b = f.values[String(scales[scales.length - 1])];
  return a == null || b == null || a === 0 ? null : b / a;
}

/** Met when every value the target looks at is measured and within it; n/a when none was measured. */
export function judge(f: Figure, t: Target, scales: readonly number[]): Verdict {
  let judged: (number | null)[];
  if (t.on === 'ratio') judged = scales.length < 2 ? [] : [scaleRatio(f, scales)];
  else if (t.on === 'base') judged = [f.values[String(scales[0])] ?? null];
  else judged = scales.map((s) => f.values[String(s)] ?? null);
  const measured = judged.filter((v): v is number => v != null && Number.isFinite(v));
  if (measured.length === 0) return 'n/a';
  return measured.every((v) => within(t, v)) ? 'met' : 'missed';
}

export function targetText(t: Target, unit: string, scales: readonly number[]): string {
  const u = unit ? ` ${unit}` : '';
  const bound = t.min !== undefined ? `≥ ${t.min}` : `≤ ${t.max}`;
  if (t.on === 'ratio') return `${scales[scales.length - 1] ?? 'N'}×/${scales[0] ?? 1}× ${bound}`;
  if (t.on === 'base') return `${bound}${u} at ${scales[0]}×`;
  return `${bound}${u}`;
}

/** The verdict of a figure: missed if any target is missed, met if all judged ones are met. */
export function verdictOf(f: Figure, scales: readonly number[]): Verdict {
  const vs = (f.targets ?? []).map((t) => judge(f, t, scales)).filter((v) => v !== 'n/a');
  if (vs.length === 0) return 'n/a';
  return vs.includes('missed') ? 'missed' : 'met';
}

export function formatValue(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export interface Machine {
  cores: number;
  cpuModel: string;
  ramGb: number;
  loadAvgStart: number[];
  loadAvgEnd?: number[];
  node: string;
  postgres: string;
  platform: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  durationS: number;
  scales: number[];
  suites: string[];
  machine: Machine;
  settings: { connections: number; durationS: number };
  figures: Figure[];
  /** Free text: what a suite could not do. */
  notes: string[];
}

function rowsOf(r: Pick<BenchResults, 'figures' | 'scales'>) {
  return r.figures.map((f) => {
    const ratio = scaleRatio(f, r.scales);
    return {
      cells: [
        `${f.section} · ${f.name}${f.unit ? ` (${f.unit})` : ''}`,
        ...r.scales.map((s) => formatValue(f.values[String(s)])),
        ...(r.scales.length > 1 ? [ratio == null ? '—' : `${ratio.toFixed(2)}×`] : []),
        (f.targets ?? [])
          .filter((t) => t.on !== 'ratio' || r.scales.length > 1)
          .map((t) => targetText(t, f.unit, r.scales))
          .join('; ') || '—',
        verdictOf(f, r.scales),
      ],
    };
  });
}

function headerOf(scales: readonly number[]): string[] {
  return ['figure', ...scales.map((s) => `${s}×`), ...(scales.length > 1 ? [`${scales[scales.length - 1]}×/${scales[0]}×`] : []), 'target', 'verdict'];
}

/** The plain-text table npm run bench prints. */
export function renderTable(r: Pick<BenchResults, 'figures' | 'scales'>): string {
  const header = headerOf(r.scales);
  const rows = rowsOf(r).map((x) => x.cells);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderMarkdownTable(r: Pick<BenchResults, 'figures' | 'scales'>): string {
  const header = headerOf(r.scales);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = rowsOf(r).map((x) => x.cells.map((c, i) => (i === x.cells.length - 1 && c === 'missed' ? '**missed**' : esc(c))));
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((c) => `| ${c.join(' | ')} |`),
  ].join('\n');
}

export function summaryOf(r: Pick<BenchResults, 'figures' | 'scales'>): { met: string[]; missed: string[] } {
  const met: string[] = [];
  const missed: string[] = [];
  for (const f of r.figures) {
    for (const t of f.targets ?? []) {
      const v = judge(f, t, r.scales);
      const label = `${f.section} · ${f.name}: ${targetText(t, f.unit, r.scales)}`;
      if (v === 'met') met.push(label);
      if (v === 'missed') missed.push(label);
    }
  }
  return { met, missed };
}

export function machineLine(m: Machine): string {
  return (
    `${m.cores} × ${m.cpuModel}, ${m.ramGb.toFixed(0)} GB RAM, ${m.platform}; node ${m.node}; ${m.postgres}; ` +
    `load average at start ${m.loadAvgStart.map((l) => l.toFixed(2)).join(' / ')}` +
    (m.loadAvgEnd ? `, at end ${m.loadAvgEnd.map((l) => l.toFixed(2)).join(' / ')}` : '')
  );
}

/** One run as a markdown section (heading level given), used for the main run and the growth points. */
export function renderRunSection(r: BenchResults, heading: string): string {
  const { met, missed } = summaryOf(r);
  return [
    heading,
    '',
    `Run ${r.startedAt} (${Math.round(r.durationS)} s), scales ${r.scales.map((s) => `${s}×`).join(', ')}, suites ${r.suites.join(', ')}; ` +
      `autocannon ${r.settings.connections} connections, ${r.settings.durationS} s per endpoint.`,
    '',
    `Machine: ${machineLine(r.machine)}.`,
    '',
    renderMarkdownTable(r),
    '',
    `Targets met (${met.length}): ${met.length ? met.join('; ') : 'none'}.`,
    '',
    `Targets missed (${missed.length}): ${missed.length ? missed.join('; ') : 'none'}.`,
    ...(r.notes.length ? ['', 'Notes:', '', ...r.notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}

export const GROWTH_START = '<!-- growth-curve:start (kept by npm run bench; a run without 1× in --scales replaces it) -->';
export const GROWTH_END = '<!-- growth-curve:end -->';

/** The growth-curve block of an existing docs/PERFORMANCE.md, or a placeholder. */
export function growthBlockOf(existing: string | null): string {
  const a = existing?.indexOf(GROWTH_START) ?? -1;
  const b = existing?.indexOf(GROWTH_END) ?? -1;
  if (existing && a >= 0 && b > a) return existing.slice(a, b + GROWTH_END.length);
  return `${GROWTH_START}\n\nNo growth point recorded yet: run \`npm run bench -- --scales 100\`.\n\n${GROWTH_END}`;
}

/**
 * docs/PERFORMANCE.md: a run that includes 1× replaces the main section and keeps the growth
 * block; a run without 1× (e.g. --scales 100) keeps the main section and replaces the growth block.
 */
export function renderPerformanceDoc(r: BenchResults, existing: string | null, method: string): string {
  if (!r.scales.includes(1)) {
    const block = `${GROWTH_START}\n\n${renderRunSection(r, `### Growth point: ${r.scales.map((s) => `${s}×`).join(', ')}`)}\n\n${GROWTH_END}`;
    if (existing && existing.includes(GROWTH_START)) return existing.replace(growthBlockOf(existing), block);
    return page('No run with 1× yet: run `npm run bench`.', block, method, existing);
  }
  return page(renderRunSection(r, '## Latest run'), growthBlockOf(existing), method, existing);
}

export const FINDINGS_START = '<!-- findings:start (hand-written; kept by npm run bench) -->';
export const FINDINGS_END = '<!-- findings:end -->';

/** The hand-written findings block of an existing docs/PERFORMANCE.md, or a placeholder. */
export function findingsBlockOf(existing: string | null): string {
  const a = existing?.indexOf(FINDINGS_START) ?? -1;
  const b = existing?.indexOf(FINDINGS_END) ?? -1;
  if (existing && a >= 0 && b > a) return existing.slice(a, b + FINDINGS_END.length);
  return `${FINDINGS_START}\n\nNothing written yet.\n\n${FINDINGS_END}`;
}

function page(main: string, growth: string, method: string, existing: string | null): string {
  return [
    '# Performance',
    '',
    'Generated by `npm run bench` (scripts/bench.ts): edit the method text there, not here. The lead replaces',
    'the main run with a clean one on a quiet machine; the figures below say how loaded the machine was.',
    '',
    main,
    '',
    '## Growth curve (single node)',
    '',
    growth,
    '',
    '## What the figures say (where the time goes, what was tried)',
    '',
    findingsBlockOf(existing),
    '',
    '## Method',
    '',
    method,
    '',
  ].join('\n');
}
