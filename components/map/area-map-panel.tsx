'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_MAP_METRIC, type MapLevel } from '@/lib/domain/map-metrics';
import type { AreaLevel } from '@/lib/domain/types';
import { AreaMap } from './area-map';
import { mapHref } from './map-href';
import type { MapState } from './map-state';

/**
 * The map panel of a kota or kecamatan page: `<AreaMapPanel code={area.code} asOf={area.asOf} />`.
 * Clicking an area opens its page; the full-screen map is one link away. The map (its boundaries,
 * figures and Leaflet) loads when the panel comes within a screen of the viewport: on a phone it sits
 * below the figures, and a slow connection should not pay for it before the reader scrolls there.
 * Its layers live in the page's one QueryClient, so the page's live refresh recolours it too.
 */
export function AreaMapPanel({ code, asOf, level }: { code: string; asOf?: string | null; level?: MapLevel }) {
  const t = useTranslations('map');
  const [state, setState] = useState<MapState>({
    asOf: asOf ?? null,
    metric: DEFAULT_MAP_METRIC,
    method: 'fixed',
    symbols: false,
    level: level ?? 'kelurahan',
  });
  const onChange = useCallback((patch: Partial<MapState>) => setState((s) => ({ ...s, ...patch })), []);
  const drillHref = useCallback((child: string, _level: AreaLevel, s: MapState) => `/wilayah/${child}${s.asOf ? `?asOf=${s.asOf}` : ''}`, []);
  const panel = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = panel.current;
    if (!el || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '100% 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return (
    <section ref={panel} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="area-map-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">{t('title')}</h2>
        <Link className="text-sm text-brand hover:underline" href={mapHref(code, state)}>
          {t('openFullMap')}
        </Link>
      </div>
      {near ? <AreaMap code={code} state={state} onChange={onChange} drillHref={drillHref} variant="panel" /> : <div className="h-80 rounded-lg bg-slate-100" />}
    </section>
  );
}
