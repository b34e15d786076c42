import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Pages get their Content-Security-Policy from proxy.ts, with a fresh script nonce per request
// (lib/csp.ts). Everything else (API answers, files) holds no script to run: this stricter one.
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
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
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(self)' },
        ],
      },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: csp }] },
    ];
  },
};

export default withNextIntl(nextConfig);
