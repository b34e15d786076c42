'use client';

import dynamic from 'next/dynamic';
import type { LeafletMapProps } from './leaflet-map';

/** Leaflet needs `window`: it is loaded in the browser only, and only where a map is shown. */
const LeafletMap = dynamic(() => import('./leaflet-map'), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-slate-200" />,
});

export function MapCanvas(props: LeafletMapProps) {
  return <LeafletMap {...props} />;
}
