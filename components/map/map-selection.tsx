'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MapRow } from './map-rows';
import type { MapText } from './use-map-text';

/** The area tapped on a touch screen: its figure, and the way into it. */
export function MapSelection({ row, text, onClose }: { row: MapRow; text: MapText; onClose: () => void }) {
  const t = useTranslations('map');
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="map-selection">
      <div className="flex items-start justify-between gap-2">
        <div>
          <div className="font-semibold">{row.p.name}</div>
          <div className="text-xs text-slate-500">
            {row.p.code}
            {row.p.kemendagriCode ? ` · ${row.p.kemendagriCode}` : ''}
          </div>
        </div>
        <button type="button" onClick={onClose} className="px-1 text-slate-500" aria-label="×">
          ×
        </button>
      </div>
      <div className="mt-1">
        {text.metricLabel}: <strong>{row.valueText}</strong>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <Link href={row.href} className="rounded bg-brand px-2 py-1 text-white">
          {t('zoomIn', { name: row.p.name })}
        </Link>
        <Link href={row.pageHref} className="rounded border border-slate-300 px-2 py-1">
          {t('openAreaPage')}
        </Link>
      </div>
      <p className="mt-1 text-xs text-slate-500">{t('tapAgain')}</p>
    </div>
  );
}
