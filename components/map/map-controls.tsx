'use client';

import { useTranslations } from 'next-intl';
import { CLASS_METHODS, type ClassMethod } from '@/lib/domain/classify';
import { MAP_LEVELS, MAP_METRICS, type MapLevel, type MapMetric } from '@/lib/domain/map-metrics';

function Segmented<T extends string>({ legend, name, options, value, label, onChange }: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label: (o: T) => string;
  onChange: (o: T) => void;
}) {
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">{legend}</legend>
      <span aria-hidden className="text-xs text-slate-500">{legend}</span>
      <div className="inline-flex overflow-hidden rounded border border-slate-300 text-sm">
        {options.map((o) => (
          <label key={o} className={`cursor-pointer px-2 py-1 has-[:focus-visible]:ring-2 ${o === value ? 'bg-brand text-white' : 'bg-white hover:bg-slate-100'}`}>
            <input type="radio" className="sr-only" name={name} value={o} checked={o === value} onChange={() => onChange(o)} />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface MapControlsProps {
  metric: MapMetric;
  onMetric: (m: MapMetric) => void;
  /** Only a kota offers the kecamatan / kelurahan toggle. */
  level?: MapLevel;
  onLevel?: (l: MapLevel) => void;
  method: ClassMethod;
  onMethod: (m: ClassMethod) => void;
  /** undefined: no circles to offer (SLS have no place on a map). */
  symbols?: boolean;
  onSymbols: (on: boolean) => void;
  idPrefix: string;
}

/** What the map shows: the metric (with its definition), the level, the classes and the refusal circles. */
export function MapControls(p: MapControlsProps) {
  const t = useTranslations('map');
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex w-full items-center gap-2 text-sm sm:w-auto">
          <span className="text-xs text-slate-500">{t('metric')}</span>
          <select
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1"
            value={p.metric}
            onChange={(e) => p.onMetric(e.target.value as MapMetric)}
            data-testid="map-metric"
          >
            {MAP_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`metrics.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {p.level && p.onLevel ? (
          <Segmented legend={t('level')} name={`${p.idPrefix}-level`} options={MAP_LEVELS} value={p.level} label={(l) => t(`levels.${l}`)} onChange={p.onLevel} />
        ) : null}
        {p.metric === 'status' ? null : (
          <Segmented legend={t('method')} name={`${p.idPrefix}-method`} options={CLASS_METHODS} value={p.method} label={(m) => t(`methods.${m}`)} onChange={p.onMethod} />
        )}
        {p.symbols === undefined ? null : (
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={p.symbols} onChange={(e) => p.onSymbols(e.target.checked)} data-testid="map-symbols" />
            {t('symbols')}
          </label>
        )}
      </div>
      <p className="text-xs text-slate-500">
        <strong className="font-medium text-slate-700">{t(`metrics.${p.metric}`)}</strong> = {t(`definitions.${p.metric}`)}
      </p>
    </div>
  );
}
