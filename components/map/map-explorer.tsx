'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AreaLevel } from '@/lib/domain/types';
import type { AreaRef } from '@/lib/queries/areas';
import { AreaMap } from './area-map';
import { mapHref } from './map-href';
import type { MapState } from './map-state';

function useFullscreen(target: React.RefObject<HTMLElement | null>) {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement === target.current);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, [target]);
  const toggle = () => void (document.fullscreenElement ? document.exitFullscreen() : target.current?.requestFullscreen());
  return { on, toggle };
}

/** /peta: the map of one area, its state mirrored in the URL so a view can be shared. */
export function MapExplorer({ area, breadcrumb, initial }: { area: AreaRef; breadcrumb: AreaRef[]; initial: MapState }) {
  const t = useTranslations('map');
  const tc = useTranslations('common');
  const [state, setState] = useState(initial);
  const onChange = useCallback((patch: Partial<MapState>) => setState((s) => ({ ...s, ...patch })), []);
  // replaceState, not the router: changing the day or the metric needs no server round trip.
  useEffect(() => window.history.replaceState(null, '', mapHref(area.code, state)), [area.code, state]);
  const drillHref = useCallback(
    (child: string, level: AreaLevel, s: MapState) => (level === 'kecamatan' || level === 'kelurahan' ? mapHref(child, s) : `/wilayah/${child}?asOf=${s.asOf ?? ''}`),
    [],
  );
  const box = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(box);

  return (
    <div ref={box} className={`space-y-3 ${fullscreen.on ? 'overflow-auto bg-slate-50 p-3' : ''}`}>
      <nav aria-label="breadcrumb" className="text-sm text-slate-600">
        {breadcrumb.map((b) => (
          <span key={b.code}>
            <Link className="hover:underline" href={mapHref(b.code, state)}>
              {b.name}
            </Link>
            <span aria-hidden> › </span>
          </span>
        ))}
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <div className="text-xs uppercase tracking-wide text-slate-500">
            {tc(`levels.${area.level}`)} · {area.code}
            {area.kemendagriCode ? ` · ${area.kemendagriCode}` : ''}
          </div>
          <h1 className="text-2xl font-semibold">{t('pageTitle', { name: area.name })}</h1>
        </div>
        <div className="flex gap-2 text-sm">
          <Link className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100" href={`/wilayah/${area.code}${state.asOf ? `?asOf=${state.asOf}` : ''}`}>
            {t('openAreaPage')}
          </Link>
          <button type="button" className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100" onClick={fullscreen.toggle}>
            {fullscreen.on ? t('exitFullscreen') : t('fullscreen')}
          </button>
        </div>
      </div>
      <AreaMap code={area.code} state={state} onChange={onChange} drillHref={drillHref} variant="page" />
    </div>
  );
}
