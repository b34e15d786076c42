import Link from 'next/link';
import type { Role } from '@/lib/domain/roles';

export interface DemoLoginItem {
  username: string;
  name: string;
  role: Role;
  place: string | null;
}

interface Props {
  items: DemoLoginItem[];
  roleLabel: (role: Role) => string;
  /** Link that picks an account (prefills the form). */
  hrefFor: (username: string) => string;
  useLabel: string;
}

/** A list of demo accounts; each links back to the sign-in page with that account picked. */
export function DemoLogins({ items, roleLabel, hrefFor, useLabel }: Props) {
  return (
    <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
      {items.map((d) => (
        <li key={d.username} className="flex items-center gap-2 px-3 py-2 text-sm">
          <span className="w-16 shrink-0 rounded bg-slate-100 px-1 py-0.5 text-center text-xs font-medium text-slate-700">{roleLabel(d.role)}</span>
          <span className="min-w-0 flex-1">
            <code className="block truncate font-mono text-[13px] text-slate-900">{d.username}</code>
            <span className="block truncate text-xs text-slate-500">{d.role === 'pml' || d.role === 'ppl' ? `${d.name} · ${d.place ?? ''}` : d.name}</span>
          </span>
          <Link href={hrefFor(d.username)} className="shrink-0 rounded border border-slate-300 px-2 py-1 text-xs text-brand hover:bg-slate-50" aria-label={`${useLabel} ${d.username}`}>
            {useLabel}
          </Link>
        </li>
      ))}
    </ul>
  );
}
