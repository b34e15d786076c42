import { OFFICER_STATUS_COLORS, type OfficerStatus } from '@/lib/domain/officer-status';

export function OfficerStatusBadge({ status, label }: { status: OfficerStatus; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-sm font-medium" data-status={status}>
      <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: OFFICER_STATUS_COLORS[status] }} />
      {label}
    </span>
  );
}
