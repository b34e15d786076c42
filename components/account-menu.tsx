import Link from 'next/link';

interface Props {
  username: string;
  roleLabel: string;
  logoutLabel: string;
  logout: () => Promise<void>;
  /** Admin pages, shown to admins only. */
  adminLinks: { href: string; label: string }[];
}

/** Who is signed in, the admin pages (for admins) and the sign-out button. */
export function AccountMenu({ username, roleLabel, logoutLabel, logout, adminLinks }: Props) {
  return (
    <details className="relative" data-testid="account-menu">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
        <span className="max-w-[9rem] truncate font-medium sm:max-w-[14rem]">{username}</span>
        <span className="text-slate-500">· {roleLabel}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-48 rounded border border-slate-200 bg-white py-1 text-sm shadow-lg">
        {adminLinks.map((l) => (
          <Link key={l.href} href={l.href} className="block px-3 py-2 hover:bg-slate-50">
            {l.label}
          </Link>
        ))}
        <form action={logout} className={adminLinks.length ? 'border-t border-slate-100' : ''}>
          <button type="submit" className="block w-full px-3 py-2 text-left hover:bg-slate-50">
            {logoutLabel}
          </button>
        </form>
      </div>
    </details>
  );
}
