/** Upload progress; an indeterminate bar while the server works (value null). */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  return (
    <div className="space-y-1" role="status" aria-live="polite">
      <div className="text-sm text-slate-600">{label}</div>
      <div
        className="h-2 overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : Math.round(value * 100)}
      >
        <div className={`h-full bg-brand ${value === null ? 'w-1/3 animate-pulse' : ''}`} style={value === null ? undefined : { width: `${Math.round(value * 100)}%` }} />
      </div>
    </div>
  );
}
