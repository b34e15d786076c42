'use client';

/** A count with big − and + buttons around a numeric field: easy to hit with a thumb. */
export function CountStepper({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const step = (d: number) => {
    const n = /^\d+$/.test(value) ? Number(value) : 0;
    onChange(String(Math.max(0, n + d)));
  };
  const button = 'h-12 w-11 shrink-0 rounded border border-slate-300 bg-slate-50 text-xl font-semibold active:bg-slate-200';
  return (
    <div>
      <label htmlFor={id} className="block truncate text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1 flex items-center gap-1">
        <button type="button" className={button} aria-label={`${label} −1`} onClick={() => step(-1)}>
          −
        </button>
        <input
          id={id}
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          className={`h-12 w-full min-w-0 rounded border px-2 text-center text-lg tabular-nums ${error ? 'border-red-600 bg-red-50' : 'border-slate-300'}`}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value.trim())}
        />
        <button type="button" className={button} aria-label={`${label} +1`} onClick={() => step(1)}>
          +
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
