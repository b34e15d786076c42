// Integer allocation helpers: largest-remainder apportionment with bounds, and the split of a
// sequence into contiguous groups of near-equal sums.

function largestRemainder(total: number, quotas: readonly number[]): number[] {
  const out = quotas.map((q) => Math.floor(q));
  const rest = total - out.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, frac: q - Math.floor(q) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; k < rest; k++) out[order[k % order.length].i] += 1;
  return out;
}

function quotasFor(total: number, weights: readonly number[], free: readonly number[]): number[] {
  const wsum = free.reduce((a, i) => a + Math.max(0, weights[i]), 0);
  return free.map((i) => (wsum > 0 ? (total * Math.max(0, weights[i])) / wsum : total / free.length));
}

/**
 * Splits the integer `total` into integers proportional to `weights` (largest remainder),
 * each within [min, max]. Throws when the bounds cannot be met.
 */
export function apportion(total: number, weights: readonly number[], min = 0, max = Infinity): number[] {
  const n = weights.length;
  if (n === 0) {
    if (total !== 0) throw new Error(`apportion: ${total} over no weights`);
    return [];
  }
  if (total < n * min || total > n * max) throw new Error(`apportion: ${total} does not fit ${n} × [${min}, ${max}]`);
  const out = new Array<number>(n).fill(0);
  let free = weights.map((_, i) => i);
  let remaining = total;
  for (;;) {
    const quotas = quotasFor(remaining, weights, free);
    const over = free.filter((_, k) => quotas[k] > max);
    const under = over.length > 0 ? [] : free.filter((_, k) => quotas[k] < min);
    const fix = over.length > 0 ? over : under;
    if (fix.length === 0) {
      largestRemainder(remaining, quotas).forEach((v, k) => (out[free[k]] = v));
      return out;
    }
    const bound = over.length > 0 ? max : min;
    for (const i of fix) out[i] = bound;
    remaining -= bound * fix.length;
    free = free.filter((i) => !fix.includes(i));
  }
}

/**
 * Splits `values` (in order) into `groups` non-empty contiguous runs whose sums are as close as
 * possible to the mean (least squares, dynamic programming). Returns the start index of each run.
 */
export function partitionContiguous(values: readonly number[], groups: number): number[] {
  const n = values.length;
  if (groups < 1 || groups > n) throw new Error(`partitionContiguous: ${groups} groups for ${n} items`);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];
  const target = prefix[n] / groups;
  // cost[g][j]: best cost of putting the first j items into g groups; from[g][j]: start of group g.
  let prev = new Float64Array(n + 1).fill(Infinity);
  prev[0] = 0;
  const from: Int32Array[] = [];
  for (let g = 1; g <= groups; g++) {
    const cur = new Float64Array(n + 1).fill(Infinity);
    const arg = new Int32Array(n + 1);
    for (let j = g; j <= n - (groups - g); j++) {
      for (let i = g - 1; i < j; i++) {
        if (prev[i] === Infinity) continue;
        const d = prefix[j] - prefix[i] - target;
        const c = prev[i] + d * d;
        if (c < cur[j]) {
          cur[j] = c;
          arg[j] = i;
        }
      }
    }
    from.push(arg);
    prev = cur;
  }
  const starts = new Array<number>(groups);
  for (let g = groups, j = n; g >= 1; g--) {
    starts[g - 1] = from[g - 1][j];
    j = starts[g - 1];
  }
  return starts;
}
