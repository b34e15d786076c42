import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Next's hydration uses inline scripts, hence 'unsafe-inline' for scripts without per-request
// nonces; everything else is locked to this origin. Map tiles are off by default: a deployment
// that enables them adds the tile host to img-src. No upgrade-insecure-requests: the demo is
// served over plain http on a local network.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // The phone form's service worker (/sw.js) and its manifest: named, so a nonce-based
  // script-src ('strict-dynamic' ignores 'self') cannot block them.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Bundles the phone form's service worker (app/sw.ts) into public/sw.js with Serwist's
 * configurator mode, once the app is compiled: every `next build` (Turbopack) makes it, with no
 * separate step for `npm run demo`, the tests or CI. Only the icons are precached: /lapor asks the
 * worker to keep the files it actually loaded (components/offline/offline-form.tsx), not every
 * chunk of every page.
 */
async function buildServiceWorker() {
  const [{ serwist }, { runBuildCommand }] = await Promise.all([import('@serwist/next/config'), import('@serwist/cli')]);
  const config = await serwist(
    { swSrc: 'app/sw.ts', swDest: 'public/sw.js', globPatterns: ['public/icons/*.png'], precachePrerendered: false },
    /** @type {any} */ ({ basePath: '', distDir: '.next', assetPrefix: '' }),
    { isDev: false },
  );
  await runBuildCommand({ config, watch: false });
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  compiler: { runAfterProductionCompile: buildServiceWorker },
  // Native, WASM or Node-stream packages stay outside the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2', 'pdfkit', 'exceljs'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: csp },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(self)' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
