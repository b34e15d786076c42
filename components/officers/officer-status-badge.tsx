import { OFFICER_STATUS_COLORS, type OfficerStatus } from '@/lib/domain/officer-status';

/** An officer's status; with `reason`, the sentence saying why as its tooltip. */
export function OfficerStatusBadge({ status, label, reason }: { status: OfficerStatus; label: string; reason?: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-sm font-medium" data-status={status} title={reason}>
      <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: OFFICER_STATUS_COLORS[status] }} />
      {label}
    </span>
  );
}
