// Sub-SLS refusal points summed per group (an SLS, a kelurahan, the whole area). Pure.
import { refusalChange, sumRefusals, type RefusalChange, type RefusalPoint } from './refusals';

/** A sub-SLS's points on the window's last day and on the day before it began. */
export interface SubslsRefusals {
  code: string;
  now: RefusalPoint & { tidakDitemui: number };
  before: RefusalPoint & { tidakDitemui: number };
}

/** The window figures of a group of sub-SLS (an SLS, a kelurahan, the whole area). */
export function groupChange(rows: readonly SubslsRefusals[]): RefusalChange {
  const side = (pick: 'now' | 'before') => {
    const points = rows.map((r) => r[pick]);
    return { ...sumRefusals(points), tidakDitemui: points.reduce((s, p) => s + p.tidakDitemui, 0) };
  };
  return refusalChange(side('now'), side('before'));
}

/** Groups sub-SLS rows by the prefix of `length` digits (their ancestor at that level). */
export function groupByPrefix(rows: readonly SubslsRefusals[], length: number): Map<string, SubslsRefusals[]> {
  const out = new Map<string, SubslsRefusals[]>();
  for (const r of rows) {
    const key = r.code.slice(0, length);
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}
