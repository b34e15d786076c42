'use client';

import { useEffect, useState } from 'react';

/** Milliseconds each day stays on screen in a replay (once its data is there). */
const STEP_MS = 700;

/**
 * Play/pause over the dates: steps to the next day only once the current one is drawn, so a
 * slow network slows the replay down instead of skipping days.
 */
export function useReplay(params: {
  dates: readonly string[];
  current: string;
  ready: boolean;
  go: (date: string) => void;
  prefetch: (dates: readonly string[]) => void;
}) {
  const { dates, current, ready, go, prefetch } = params;
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing || !ready) return;
    const timer = setTimeout(() => {
      const next = dates[dates.indexOf(current) + 1];
      if (next) go(next);
      else setPlaying(false);
    }, STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, ready, current, dates, go]);

  const play = () => {
    const from = dates.indexOf(current) >= dates.length - 1 ? 0 : Math.max(0, dates.indexOf(current));
    prefetch(dates.slice(from));
    if (dates[from] !== current) go(dates[from]);
    setPlaying(true);
  };
  return { playing, play, pause: () => setPlaying(false) };
}
