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
  const byKey = new Map<string, Parsed<T>[]>();
  for (const row of rows) {
    const key = keyOf(row.record);
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(row);
  }
  const kept: Parsed<T>[] = [];
  let repeats = 0;
  for (const group of byKey.values()) {
    const first = JSON.stringify(group[0].record);
    if (group.every((r) => JSON.stringify(r.record) === first)) {
      kept.push(group[0]);
      repeats += group.length - 1;
      continue;
    }
    for (const r of group) {
      const other = group.find((o) => o !== r)!;
      rejections.push({ index: r.index, line: r.line, values: r.values, errors: [{ field, code: 'duplicate_conflict', params: { other: other.line ?? other.index } }] });
    }
  }
  return { rows: kept, repeats };
}
