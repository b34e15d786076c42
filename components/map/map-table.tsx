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
            <th className="px-3 py-2">
              {t('name')} <span className="font-normal normal-case">({t('codes')})</span>
            </th>
            <th className="px-3 py-2 text-right">{text.metricLabel}</th>
            <th className="px-3 py-2">{t('class')}</th>
            <th className="px-3 py-2 text-right">{t('menolak')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.p.code} className="border-t border-slate-100" data-code={r.p.code} data-color={r.entry.color}>
              <td className="px-3 py-1.5">
                <Link className="font-medium text-brand hover:underline" href={r.href}>
                  {r.p.name}
                </Link>
                <span className="block text-xs tabular-nums text-slate-500">
                  {r.p.code}
                  {r.p.kemendagriCode ? ` · ${r.p.kemendagriCode}` : ''}
                  {showPageLink ? (
                    <>
                      {' · '}
                      <Link className="underline-offset-2 hover:underline" href={r.pageHref}>
                        {t('openAreaPage')}
                      </Link>
                    </>
                  ) : null}
                </span>
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{r.valueText}</td>
              <td className="px-3 py-1.5">
                <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
                  <span aria-hidden className="inline-block h-3 w-4 rounded-sm border border-slate-300" style={{ background: r.entry.color }} />
                  {r.entry.label}
                </span>
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{text.number(r.p.menolak)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
