'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { AreaResponse, OfficerRefBody } from '@/lib/api/area-schemas';

/** Breadcrumb, level and codes, the area's name and (for an SLS or sub-SLS) who holds it. */
export function AreaHeading({ area, hrefOf, holders }: { area: AreaResponse; hrefOf: (code: string) => string; holders?: OfficerRefBody[] }) {
  const tc = useTranslations('common');
  const t = useTranslations('dashboard');
  const ts = useTranslations('sls');
  // A sub-SLS often has its SLS's name ("RT 001"): its heading names the part, so the two pages differ.
  const part = area.level === 'subsls' ? area.code.slice(14) : null;
  const sls = area.breadcrumb.at(-1)?.name ?? area.name;
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
      <h1 className="text-2xl font-semibold leading-tight">{part ? ts('subsls', { name: area.name, part }) : area.name}</h1>
      {part ? <p className="text-sm text-slate-600">{part === '00' ? ts('whole', { name: sls }) : ts('part', { part, sls })}</p> : null}
      {holders && holders.length > 0 ? (
        <p className="mt-0.5 text-sm text-slate-600">
          {t('holder')}: {holders.map((o) => `${o.name} (${o.code})`).join(', ')}
        </p>
      ) : null}
    </div>
  );
}
