import type { PresentedRejection } from '@/lib/ingest/api-types';

export interface RejectionLabels {
  line: string;
  column: string;
  value: string;
  reason: string;
}

/** One table row per reason: the file row, the column, what it held and why it was refused. */
export function RejectionsTable({ rows, labels }: { rows: PresentedRejection[]; labels: RejectionLabels }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="rejections-table">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">{labels.line}</th>
            <th className="px-3 py-2">{labels.column}</th>
            <th className="px-3 py-2">{labels.value}</th>
            <th className="px-3 py-2">{labels.reason}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((r) =>
            r.errors.map((e, i) => (
              <tr key={`${r.index}-${i}`} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 tabular-nums">{i === 0 ? (r.line ?? r.index + 1) : ''}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.field}</td>
                <td className="max-w-40 break-all px-3 py-2 font-mono text-xs">{r.values[e.field] ?? ''}</td>
                <td className="min-w-56 px-3 py-2">{e.reason}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
