import { STATUS_COLORS } from '@/lib/domain/status-colors';
import type { Status } from '@/lib/domain/types';

/** A status dot and label; with `reason`, the sentence saying why, as a tooltip and (shown) beneath. */
export function StatusBadge({ status, label, reason, showReason = false }: { status: Status; label: string; reason?: string; showReason?: boolean }) {
  const badge = (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-sm font-medium" title={reason}>
      <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: STATUS_COLORS[status] }} />
      <span data-testid="status-label">{label}</span>
    </span>
  );
  if (!reason || !showReason) return badge;
  return (
    <span className="inline-flex flex-col">
      {badge}
      <span className="text-[11px] font-normal text-slate-600" data-testid="status-reason">
        {reason}
      </span>
    </span>
  );
}
