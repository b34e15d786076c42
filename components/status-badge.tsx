import { STATUS_COLORS } from '@/lib/domain/status-colors';
import type { Status } from '@/lib/domain/types';

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-sm font-medium">
      <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: STATUS_COLORS[status] }} />
      {label}
    </span>
  );
}
