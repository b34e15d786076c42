import type { FlagId } from '@/lib/domain/officer-flags';

/** Short flag labels; the sentence saying why is the tooltip (and read out by screen readers). */
export function FlagChips({ flags, labels }: { flags: readonly { id: FlagId; message: string }[]; labels: Record<FlagId, string> }) {
  if (flags.length === 0) return <span className="text-slate-400">–</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {flags.map((f) => (
        <li key={f.id} title={f.message} data-flag={f.id} className="whitespace-nowrap rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
          {labels[f.id]}
          <span className="sr-only">: {f.message}</span>
        </li>
      ))}
    </ul>
  );
}
