'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';
import { SerwistProvider, useSerwist } from '@serwist/next/react';

/**
 * Installs the phone form's service worker (scope /lapor, so no dashboard page goes through it)
 * and asks it to keep this page and every static file it loaded: those were fetched before the
 * worker took control, so they are not in its caches yet. After one visit online the form opens
 * offline. Also says so when the phone is offline.
 */
export function OfflineForm() {
  const t = useTranslations('offline');
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  return (
    <SerwistProvider swUrl="/sw.js" options={{ scope: '/lapor', type: 'classic' }} cacheOnNavigation={false} reloadOnOnline={false}>
      <KeepForOffline />
      {online ? null : (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="offline-banner">
          {t('offlineBanner')}
        </p>
      )}
    </SerwistProvider>
  );
}

function subscribeOnline(notify: () => void) {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
}

function KeepForOffline() {
  const { serwist } = useSerwist();
  useEffect(() => {
    if (!serwist || !navigator.onLine) return;
    const keep = () => {
      const assets = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.startsWith(`${location.origin}/_next/static/`));
      // Handled by Serwist's own CACHE_URLS listener, through the worker's routes (app/sw.ts).
      void serwist.messageSW({ type: 'CACHE_URLS', payload: { urlsToCache: [location.pathname + location.search, ...assets, '/manifest.webmanifest'] } });
    };
    if (document.readyState === 'complete') keep();
    else window.addEventListener('load', keep, { once: true });
    return () => window.removeEventListener('load', keep);
  }, [serwist]);
  return null;
}
