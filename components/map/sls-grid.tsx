'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { readableTextColor } from '@/lib/domain/classify';
import type { MapRow } from './map-rows';
import type { MapText } from './use-map-text';

/**
 * Below kelurahan there are no boundaries: each SLS is a coloured cell of the same metric and
 * classes as the map, never a made-up shape.
 */
export function SlsGrid({ rows, kelurahanName, text }: { rows: MapRow[]; kelurahanName: string; text: MapText }) {
  const t = useTranslations('map');
  return (
    <section aria-label={t('sls', { name: kelurahanName })}>
      <p className="mb-2 text-xs text-slate-500">{t('slsNote')}</p>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(6.5rem,1fr))] gap-1" data-testid="sls-grid">
        {rows.map((r) => (
          <li key={r.p.code} className="flex">
            <Link
              href={r.pageHref}
              title={`${r.p.name} · ${r.p.code} · ${text.metricLabel}: ${r.valueText} · ${t('menolak')}: ${text.number(r.p.menolak)}`}
              className="block w-full rounded px-2 py-1.5 text-xs leading-tight outline-offset-2 hover:ring-2 hover:ring-slate-900"
              style={{ background: r.entry.color, color: readableTextColor(r.entry.color) }}
              data-code={r.p.code}
              data-color={r.entry.color}
            >
              <span className="block truncate font-medium">{r.p.name}</span>
              <span className="block tabular-nums">{r.valueText}</span>
              {r.p.menolak > 0 ? (
                <span className="block tabular-nums opacity-80">
                  {t('menolak')} {text.number(r.p.menolak)}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
