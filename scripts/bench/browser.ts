// LCP and bytes transferred of the kota dashboard in headless Chromium (Debian's, through
// playwright-core), signed in as the city head, with a cold cache: on loopback, and under a
// simulated slow 3G link (Chrome DevTools Protocol Network.emulateNetworkConditions).
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tests/e2e/browser';
import { signedInContext } from '../../tests/e2e/sign-in';

/** The throttled profile: DevTools' "Slow 3G"-like, stated in the report. */
export const SLOW_3G = { latencyMs: 400, downKbit: 400, upKbit: 400 };

export interface PageLoad {
  lcpMs: number | null;
  transferKb: number;
  requests: number;
  loadMs: number;
}

declare global {
  interface Window {
    __lcp?: number;
  }
}

async function loadOnce(browser: Browser, base: string, route: string, username: string, throttle: boolean): Promise<PageLoad> {
  const context = await signedInContext(browser, base, username);
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__lcp = e.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttle) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: SLOW_3G.latencyMs,
        downloadThroughput: (SLOW_3G.downKbit * 1000) / 8,
        uploadThroughput: (SLOW_3G.upKbit * 1000) / 8,
      });
    }
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    const t0 = performance.now();
    await page.goto(base + route, { waitUntil: 'load', timeout: 180_000 });
    const loadMs = performance.now() - t0;
    await page.waitForLoadState('networkidle', { timeout: 180_000 }).catch(() => {});
    await page.waitForTimeout(500);
    const lcp = await page.evaluate(() => window.__lcp ?? null);
    return { lcpMs: lcp, transferKb: bytes / 1024, requests, loadMs };
  } finally {
    await context.close();
  }
}

/** Median-of-three LCP on loopback (one warm-up load first: the server's own first render), one throttled load. */
export async function benchBrowser(base: string, route = '/wilayah/6471', username = 'pimpinan'): Promise<{ loopback: PageLoad; slow3g: PageLoad }> {
  const browser = await launchChromium();
  try {
    await loadOnce(browser, base, route, username, false);
    const runs: PageLoad[] = [];
    for (let i = 0; i < 3; i++) runs.push(await loadOnce(browser, base, route, username, false));
    runs.sort((a, b) => (a.lcpMs ?? Infinity) - (b.lcpMs ?? Infinity));
    const loopback = runs[1];
    const slow3g = await loadOnce(browser, base, route, username, true);
    return { loopback, slow3g };
  } finally {
    await browser.close();
  }
}
