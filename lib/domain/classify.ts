// Classification and legends of a choropleth: pure functions, the same for the map, its
// legend and the table beside it, so a class always has one colour and one label.

export const CLASS_METHODS = ['fixed', 'quantile'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

/** Linear-interpolated quantile (p in 0..1) of sorted values. */
function quantileOfSorted(sorted: readonly number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** k − 1 breaks cutting the values into k groups of about equal size; fewer when values repeat. */
export function quantileBreaks(values: readonly (number | null)[], k: number): number[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0 || k < 2) return [];
  const breaks = Array.from({ length: k - 1 }, (_, i) => quantileOfSorted(sorted, (i + 1) / k));
  // A break at the minimum would leave the first class empty.
  return [...new Set(breaks)].filter((b) => b > sorted[0]);
}

/** Class of a value: the number of breaks at or below it (class i holds [breaks[i−1], breaks[i])); null for no value. */
export function classIndex(value: number | null, breaks: readonly number[]): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  let i = 0;
  while (i < breaks.length && value >= breaks[i]) i++;
  return i;
}

export interface Classification {
  /** Ascending; breaks.length + 1 classes. */
  breaks: number[];
  /** Class index of each value, in input order; null for a missing value. */
  classes: (number | null)[];
}

/** classify(values, method, breaks): fixed breaks as given, or as many quantile classes as the fixed breaks make. */
export function classify(values: readonly (number | null)[], method: ClassMethod, fixedBreaks: readonly number[]): Classification {
  const breaks = method === 'fixed' ? [...fixedBreaks] : quantileBreaks(values, fixedBreaks.length + 1);
  return { breaks, classes: values.map((v) => classIndex(v, breaks)) };
}

/** `k` colours spread evenly over a palette (its ends always included). */
export function pickColors(palette: readonly string[], k: number): string[] {
  if (k <= 0) return [];
  if (k === 1) return [palette[palette.length - 1]];
  if (k >= palette.length) return palette.slice(0, k);
  return Array.from({ length: k }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (k - 1))]);
}

export interface LegendEntry {
  /** The class index as text, a category (a status), or 'none' for areas without a value. */
  key: string;
  label: string;
  color: string;
  /** Lower bound (inclusive) of a numeric class; null for the first class and categories. */
  from: number | null;
  /** Upper bound (exclusive) of a numeric class; null for the last class and categories. */
  to: number | null;
}

/** One legend entry per class: "< a", "a – b", …, "≥ z", with the class colours. */
export function legendEntries(breaks: readonly number[], colors: readonly string[], format: (v: number) => string): LegendEntry[] {
  return colors.slice(0, breaks.length + 1).map((color, i) => {
    const from = i === 0 ? null : breaks[i - 1];
    const to = i === breaks.length ? null : breaks[i];
    const label = from === null ? (to === null ? '' : `< ${format(to)}`) : to === null ? `≥ ${format(from)}` : `${format(from)} – ${format(to)}`;
    return { key: String(i), label, color, from, to };
  });
}

/** Radius of a proportional symbol: area ∝ count, the largest count drawn at maxRadius. */
export function symbolRadius(count: number, maxCount: number, maxRadius: number): number {
  if (!(count > 0) || !(maxCount > 0)) return 0;
  return maxRadius * Math.sqrt(Math.min(count, maxCount) / maxCount);
}

/** A round count not above `v` (1, 2 or 5 × 10ⁿ; 0 below 1), for symbol legends. */
export function niceFloor(v: number): number {
  if (!(v >= 1)) return 0;
  const p = 10 ** Math.floor(Math.log10(v));
  return [5, 2, 1].map((m) => m * p).find((c) => c <= v)!;
}

/** Counts to show in a proportional-symbol legend: a round number near the largest, and smaller ones. */
export function symbolLegendValues(maxCount: number): number[] {
  const top = niceFloor(maxCount);
  if (top <= 0) return [];
  return [...new Set([top, niceFloor(top / 4)].filter((v) => v > 0))];
}

/** Black or white, whichever reads better on a #rrggbb background (WCAG relative luminance). */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  const channels = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with black (L + 0.05) / 0.05 beats contrast with white 1.05 / (L + 0.05) above L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
