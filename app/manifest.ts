import type { MetadataRoute } from 'next';

/**
 * The web app manifest: lets a PPL put the daily form on the phone's home screen and open it
 * like an app (also offline, through the service worker of /lapor). Served at
 * /manifest.webmanifest, outside the sign-in redirect (proxy.ts skips paths with an extension).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Pantau — Lapor harian',
    short_name: 'Pantau Lapor',
    description: 'Formulir laporan harian PPL Regsosek; bisa diisi tanpa sinyal dan terkirim otomatis saat sinyal kembali.',
    lang: 'id',
    start_url: '/lapor',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#1d4ed8',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
