import type { Parsed } from './parse-rows';
import type { RowRejection } from './reasons';

/**
 * Rows of one batch that share a key: identical ones collapse to the first (the others count
 * as unchanged); differing ones are all refused, since no order among them can be trusted.
 */
export function collapseDuplicates<T>(
  rows: readonly Parsed<T>[],
  keyOf: (record: T) => string,
  field: string,
  rejections: RowRejection[],
): { rows: Parsed<T>[]; repeats: number } {
  // Most keys occur once: only the rest are grouped and compared.
  const first = new Map<string, Parsed<T>>();
  const repeated = new Map<string, Parsed<T>[]>();
  for (const row of rows) {
    const key = keyOf(row.record);
    const seen = first.get(key);
    if (!seen) first.set(key, row);
    else (repeated.get(key) ?? repeated.set(key, [seen]).get(key)!).push(row);
  }
  let repeats = 0;
  for (const [key, group] of repeated) {
    const text = JSON.stringify(group[0].record);
    if (group.every((r) => JSON.stringify(r.record) === text)) {
      repeats += group.length - 1;
      continue;
    }
    first.delete(key);
    for (const r of group) {
      const other = group.find((o) => o !== r)!;
      rejections.push({ index: r.index, line: r.line, values: r.values, errors: [{ field, code: 'duplicate_conflict', params: { other: other.line ?? other.index } }] });
    }
  }
  return { rows: [...first.values()], repeats };
}
