'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MapRow } from './map-rows';
import type { MapText } from './use-map-text';

/** The map as a table, for keyboard and screen-reader users: the same figures and classes. */
export function MapTable({ rows, caption, text, showPageLink }: { rows: MapRow[]; caption: string; text: MapText; showPageLink: boolean }) {
  const t = useTranslations('map');
  return (
    <div className="overflow-x-auto">
    <table className="w-full text-sm" data-testid="map-table">
      <caption className="px-3 py-2 text-left text-xs text-slate-500">{caption}</caption>
      <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
        <tr>
          <th className="px-2 py-2 sm:px-3">
            {t('name')} <span className="font-normal normal-case">({t('codes')})</span>
          </th>
          <th className="px-2 py-2 sm:px-3">
            {text.metricLabel} <span className="font-normal normal-case">({t('class')})</span>
          </th>
          <th className="px-2 py-2 text-right sm:px-3">{t('menolak')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.p.code} className="border-t border-slate-100" data-code={r.p.code} data-color={r.entry.color}>
            <td className="px-2 py-1.5 sm:px-3">
              <Link className="font-medium text-brand hover:underline" href={r.href}>
                {r.p.name}
              </Link>
              <span className="block text-xs tabular-nums text-slate-500">
                <span className="whitespace-nowrap">{r.p.code}</span>
                {r.p.kemendagriCode ? <span className="whitespace-nowrap"> · {r.p.kemendagriCode}</span> : null}
              </span>
              {showPageLink ? (
                <Link className="text-xs text-slate-500 underline-offset-2 hover:underline" href={r.pageHref}>
                  {t('openAreaPage')} ›
                </Link>
              ) : null}
            </td>
            <td className="px-2 py-1.5 sm:px-3">
              <span className="flex items-center gap-1.5">
                <span aria-hidden className="inline-block h-3 w-4 shrink-0 rounded-sm border border-slate-300" style={{ background: r.entry.color }} />
                <span className="tabular-nums" data-testid="map-table-value">
                  {r.valueText}
                </span>
              </span>
              <span className="block text-xs text-slate-500">{r.entry.label}</span>
            </td>
            <td className="px-2 py-1.5 sm:px-3 text-right tabular-nums">{text.number(r.p.menolak)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
