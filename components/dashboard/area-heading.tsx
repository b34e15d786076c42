'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { AreaResponse, OfficerRefBody } from '@/lib/api/area-schemas';

/** Breadcrumb, level and codes, the area's name and (for an SLS or sub-SLS) who holds it. */
export function AreaHeading({ area, hrefOf, holders }: { area: AreaResponse; hrefOf: (code: string) => string; holders?: OfficerRefBody[] }) {
  const tc = useTranslations('common');
  const t = useTranslations('dashboard');
  return (
    <div>
      {area.breadcrumb.length > 0 ? (
        <nav aria-label="breadcrumb" className="text-sm text-slate-600">
          <ol className="flex flex-wrap items-center gap-x-1">
            {area.breadcrumb.map((b) => (
              <li key={b.code} className="flex items-center gap-x-1">
                <Link className="hover:underline" href={hrefOf(b.code)}>
                  {b.name}
                </Link>
                <span aria-hidden className="text-slate-400">
                  ›
                </span>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="mt-1 text-xs uppercase tracking-wide text-slate-500">
        {tc(`levels.${area.level}`)} · <span className="tabular-nums">{area.code}</span>
        {area.kemendagriCode ? <span className="tabular-nums"> · {area.kemendagriCode}</span> : null}
      </div>
      <h1 className="text-2xl font-semibold leading-tight">{area.name}</h1>
      {holders && holders.length > 0 ? (
        <p className="mt-0.5 text-sm text-slate-600">
          {t('holder')}: {holders.map((o) => `${o.name} (${o.code})`).join(', ')}
        </p>
      ) : null}
    </div>
  );
}
