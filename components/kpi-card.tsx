export function KpiCard({
  label,
  value,
  hint,
  info,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  hint?: React.ReactNode;
  /** A control that shows the figure's definition (InfoPopover). */
  info?: React.ReactNode;
  testId?: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex items-start justify-between gap-1">
        <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
        {info}
      </div>
      <div className="mt-1 text-xl font-semibold tabular-nums sm:text-2xl" data-testid={testId}>
        {value}
      </div>
      {hint ? <div className="mt-0.5 text-xs text-slate-500">{hint}</div> : null}
    </div>
  );
}
