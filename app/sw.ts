/// <reference lib="webworker" />
// The service worker of the phone form, bundled by Serwist (next.config.js) into /sw.js and
// registered with scope /lapor only: the dashboards never go through it. It keeps what /lapor
// needs to open without a network — the page as last loaded (its sub-SLS and last counts) and
// the static files it used — and sends the outbox on Background Sync.
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, StaleWhileRevalidate, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from 'serwist';
import { flushOutbox, SYNC_TAG } from '@/lib/offline/outbox';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/**
 * Only the form itself is kept: a signed-out visit is redirected to the sign-in page, and that
 * page must never be stored (and later shown) as /lapor.
 */
const wholeFormOnly: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.ok && !response.redirected && response.type === 'basic' ? response : null),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // Hashed build files never change: the first copy is kept.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({ cacheName: 'pantau-static', plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 60 * 60 })] }),
    },
    {
      // The form page: fresh when the network answers, else the last copy. RSC refreshes are not pages.
      matcher: ({ url, request, sameOrigin }) => sameOrigin && url.pathname === '/lapor' && !request.headers.has('rsc'),
      // ignoreVary: Next varies pages on its RSC headers, which these requests never carry.
      handler: new NetworkFirst({ cacheName: 'pantau-lapor', networkTimeoutSeconds: 10, plugins: [wholeFormOnly], matchOptions: { ignoreVary: true } }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname === '/manifest.webmanifest' || url.pathname.startsWith('/icons/')),
      handler: new StaleWhileRevalidate({ cacheName: 'pantau-app' }),
    },
  ],
});

serwist.addEventListeners();

// Background Sync: the browser wakes the worker when the network returns. A rejected promise
// asks the browser to try again later.
self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag: string };
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    flushOutbox().then((r) => {
      if (r.kind === 'offline') throw new Error('still offline');
    }),
  );
});
