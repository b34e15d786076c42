'use client';

import { useTranslations } from 'next-intl';
import type { MapText } from './use-map-text';

export interface TimeSliderProps {
  dates: readonly string[];
  value: string;
  onChange: (date: string) => void;
  playing: boolean;
  onPlay: () => void;
  onPause: () => void;
  text: MapText;
  id: string;
}

/** The as-of date over the fieldwork window, with a replay of how coverage spread. */
export function TimeSlider({ dates, value, onChange, playing, onPlay, onPause, text, id }: TimeSliderProps) {
  const t = useTranslations('map');
  const index = Math.max(0, dates.indexOf(value));
  if (dates.length < 2) return null;
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        onClick={playing ? onPause : onPlay}
        className="shrink-0 rounded bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
        aria-pressed={playing}
        data-testid="map-play"
      >
        <span aria-hidden>{playing ? '❚❚' : '▶'}</span> {playing ? t('pause') : t('play')}
      </button>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between text-xs text-slate-500">
          <label htmlFor={id}>{t('slider')}</label>
          <output htmlFor={id} className="text-sm font-semibold text-slate-900" data-testid="map-asof">
            {text.date(value)}
          </output>
        </div>
        <input
          id={id}
          type="range"
          min={0}
          max={dates.length - 1}
          step={1}
          value={index}
          onChange={(e) => onChange(dates[Number(e.target.value)])}
          aria-valuetext={text.date(value)}
          className="w-full accent-brand"
          data-testid="map-slider"
        />
        <div className="flex justify-between text-[11px] text-slate-500">
          <span>{text.date(dates[0], false)}</span>
          <span>{text.date(dates[dates.length - 1], false)}</span>
        </div>
      </div>
    </div>
  );
}
