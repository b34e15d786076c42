'use client';

import { useTranslations } from 'next-intl';

/** One-click downloads of the area's report for the date on screen (same figures as the page). */
export function ExportLinks({ code, asOf, level }: { code: string; asOf: string; level?: string }) {
  const t = useTranslations('reports');
  const q = new URLSearchParams({ asOf, ...(level ? { level } : {}) });
  const links: Array<[string, string]> = [
    ['pdf', 'PDF'],
    ['xlsx', 'XLSX'],
    ['csv', 'CSV'],
  ];
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="export-links">
      <span className="text-slate-500">{t('download')}:</span>
      {links.map(([ext, label]) => (
        <a
          key={ext}
          href={`/api/v1/exports/${code}.${ext}?${q}${ext === 'csv' ? '&delimiter=semicolon' : ''}`}
          className="rounded border border-slate-300 bg-white px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100"
        >
          {label}
        </a>
      ))}
    </div>
  );
}
