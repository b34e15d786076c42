'use client';

import { useTranslations } from 'next-intl';
import { symbolLegendValues, symbolRadius, type LegendEntry } from '@/lib/domain/classify';
import type { MapText } from './use-map-text';

/** Refusal circles, the same on the map and in the legend: a light disc with a dark ring reads on every palette. */
export const SYMBOL_MAX_RADIUS = 22;
export const SYMBOL_STYLE = { fillColor: '#ffffff', fillOpacity: 0.55, color: '#111827', weight: 1.5 };

function SymbolLegend({ max, text }: { max: number; text: MapText }) {
  const t = useTranslations('map');
  const values = symbolLegendValues(max);
  if (values.length === 0) return null;
  const size = 2 * SYMBOL_MAX_RADIUS + 2;
  return (
    <div className="mt-3">
      <div className="text-xs text-slate-500">{t('symbolsLegend')}</div>
      <div className="mt-1 flex items-end gap-3">
        {values.map((v) => {
          const r = symbolRadius(v, max, SYMBOL_MAX_RADIUS);
          return (
            <div key={v} className="flex flex-col items-center text-xs">
              <svg width={size} height={size} aria-hidden>
                <circle cx={size / 2} cy={size - r - 1} r={r} fill={SYMBOL_STYLE.fillColor} fillOpacity={SYMBOL_STYLE.fillOpacity} stroke={SYMBOL_STYLE.color} strokeWidth={SYMBOL_STYLE.weight} />
              </svg>
              {text.number(v)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Each class with its colour and label, the count of areas in it, and the circle sizes. */
export function MapLegend({ entries, counts, symbolsMax, text, vertical }: {
  entries: LegendEntry[];
  counts: Map<string, number>;
  symbolsMax: number | null;
  text: MapText;
  /** A column beside the map on wide screens; otherwise a wrapping row. */
  vertical: boolean;
}) {
  const t = useTranslations('map');
  return (
    <div data-testid="map-legend">
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {t('legend')}: {text.metricLabel}
      </div>
      <ul className={`mt-1 flex flex-wrap gap-x-3 gap-y-1 ${vertical ? 'lg:flex-col' : ''}`}>
        {entries.map((e) => (
          <li key={e.key} className="flex items-center gap-1.5 text-sm" data-color={e.color} data-key={e.key}>
            <span aria-hidden className="inline-block h-3.5 w-5 rounded-sm border border-slate-300" style={{ background: e.color }} />
            <span>{e.label}</span>
            <span className="text-xs text-slate-500">({counts.get(e.key) ?? 0})</span>
          </li>
        ))}
      </ul>
      {symbolsMax !== null ? <SymbolLegend max={symbolsMax} text={text} /> : null}
    </div>
  );
}
