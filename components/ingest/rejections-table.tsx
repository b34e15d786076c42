import type { PresentedRejection } from '@/lib/ingest/api-types';

export interface RejectionLabels {
  line: string;
  column: string;
  value: string;
  reason: string;
}

/**
 * Every reason a row was refused: the file row, the column, what it held and why. A table on
 * wide screens; on a phone one block per reason, so long reasons are not squeezed into a column.
 */
export function RejectionsTable({ rows, labels }: { rows: PresentedRejection[]; labels: RejectionLabels }) {
  const items = rows.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.index}-${i}`, first: i === 0, line: r.line ?? r.index + 1, field: e.field, value: r.values[e.field] ?? '', reason: e.reason })));
  return (
    <div data-testid="rejections-table">
      <ul className="divide-y divide-slate-100 sm:hidden">
        {items.map((it) => (
          <li key={it.key} className="py-2 text-sm">
            <div className="flex flex-wrap gap-x-2 text-xs text-slate-500">
              <span>
                {labels.line} {it.line}
              </span>
              <span className="font-mono">{it.field}</span>
              {it.value ? <span className="break-all font-mono text-slate-700">“{it.value}”</span> : null}
            </div>
            <p className="mt-0.5">{it.reason}</p>
          </li>
        ))}
      </ul>
      <table className="hidden w-full text-sm sm:table">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">{labels.line}</th>
            <th className="px-3 py-2">{labels.column}</th>
            <th className="px-3 py-2">{labels.value}</th>
            <th className="px-3 py-2">{labels.reason}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={it.key} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2 tabular-nums">{it.first ? it.line : ''}</td>
              <td className="px-3 py-2 font-mono text-xs">{it.field}</td>
              <td className="max-w-56 whitespace-nowrap px-3 py-2 font-mono text-xs">
                <span className="block truncate" title={it.value}>
                  {it.value}
                </span>
              </td>
              <td className="px-3 py-2">{it.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
