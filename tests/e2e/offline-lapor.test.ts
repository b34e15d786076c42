// Issue #18 §1: the PPL's form works without a network. After one visit online the page opens
// offline from the service worker; reports written offline wait in the outbox (IndexedDB), survive
// a reload, and arrive exactly once when the network returns; a replay of a submission id by hand
// writes nothing. Screenshots at 360 px in test-results/offline/.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { startIsolatedServer, type IsolatedServer } from './isolated-server';
import { signedInContext } from './sign-in';

const PPL = '647110324';
const SUBS = ['6471020002000400', '6471020002000500'];
const SHOTS = 'test-results/offline';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: unknown[];
}

describe('the PPL form offline: installable, queued, sent once', () => {
  let server: IsolatedServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Reads figures and the import history of the whole kota, whoever the phone is signed in as. */
  let admin: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startIsolatedServer();
    browser = await launchChromium();
    context = await signedInContext(browser, server.baseUrl, `ppl-${PPL}`, { width: 360, height: 780 }, { hasTouch: true, isMobile: true });
    admin = await signedInContext(browser, server.baseUrl, 'admin');
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = async (path: string) => (await admin.request.get(`${server.baseUrl}${path}`)).json();
  const selesai = async (code: string, tanggal: string) => (await api(`/api/v1/areas/${code}?asOf=${tanggal}`)).selesai as number;
  const formImports = async () => (await api('/api/v1/imports?source=form&pageSize=100')).total as number;
  /** The outbox as the page keeps it (IndexedDB pantau-lapor). */
  const outbox = () =>
    page.evaluate(
      () =>
        new Promise<{ id: string; reports: unknown[] }[]>((resolve, reject) => {
          const open = indexedDB.open('pantau-lapor');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => resolve(all.result);
          };
        }),
    );
  const axe = async () => {
    await page.evaluate(AXE);
    return page.evaluate(async () => {
      const w = window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: Violation[] }> } };
      return (await w.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
  };

  it('offers a manifest with icons and keeps sw.js and the manifest outside the sign-in redirect', async () => {
    const signedOut = await browser.newContext();
    const manifest = await signedOut.request.get(`${server.baseUrl}/manifest.webmanifest`, { maxRedirects: 0 });
    expect(manifest.status()).toBe(200);
    const body = await manifest.json();
    expect(body).toMatchObject({ start_url: '/lapor', display: 'standalone' });
    for (const icon of body.icons as { src: string }[]) {
      const res = await signedOut.request.get(`${server.baseUrl}${icon.src}`, { maxRedirects: 0 });
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
    }
    const sw = await signedOut.request.get(`${server.baseUrl}/sw.js`, { maxRedirects: 0 });
    expect(sw.status()).toBe(200);
    expect(sw.headers()['content-type']).toMatch(/javascript/);
    await signedOut.close();
  });

  it('queues two reports offline, keeps them over a reload, and sends each exactly once when back online', async () => {
    await page.goto(`${server.baseUrl}/lapor`);
    await page.getByTestId(`card-${SUBS[0]}`).waitFor();
    const tanggal = await page.locator('input[name=tanggal]').inputValue();
    // The worker is active and has kept the page and the files it loaded.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect
      .poll(() => page.evaluate(async () => (await caches.has('pantau-lapor')) && (await (await caches.open('pantau-lapor')).keys()).length > 0 && (await (await caches.open('pantau-static')).keys()).length > 0), { timeout: 20_000 })
      .toBe(true);
    await page.screenshot({ path: `${SHOTS}/lapor-online-360.png`, fullPage: true });
    const before = { a: await selesai(SUBS[0], tanggal), b: await selesai(SUBS[1], tanggal), imports: await formImports() };
    const typed = [Number(await page.locator(`#f-${SUBS[0]}-selesai`).inputValue()), Number(await page.locator(`#f-${SUBS[1]}-selesai`).inputValue())];

    await context.setOffline(true);
    const offlineSince = Date.now();
    await page.getByTestId('offline-banner').waitFor();
    for (const [i, code] of SUBS.entries()) {
      await page.getByTestId(`card-${code}`).getByRole('button', { name: 'Selesai +1' }).tap();
      await page.getByTestId('lapor-submit').tap();
      await expect.poll(() => page.getByTestId('lapor-status').textContent()).toMatch(/^Tidak ada sinyal: 1 laporan disimpan/);
      await expect.poll(() => page.getByTestId('outbox-item').count()).toBe(i + 1);
    }
    expect(await page.getByTestId('outbox').textContent()).toMatch(/Menunggu sinyal · dibuat/);

    const queued = await outbox();
    expect(queued).toHaveLength(2);
    // Still offline: the page comes from the service worker's copy (made before going offline,
    // as its Date header says), with the sub-SLS and their counts.
    await page.waitForTimeout(Math.max(0, 1500 - (Date.now() - offlineSince)));
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    expect(Date.parse(reloaded?.headers().date ?? '')).toBeLessThan(offlineSince);
    await page.getByTestId(`card-${SUBS[1]}`).waitFor();
    expect(Number(await page.locator(`#f-${SUBS[0]}-selesai`).inputValue())).toBe(typed[0]);
    await expect.poll(() => page.locator('[data-testid=outbox-item][data-state=waiting]').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/lapor-offline-360.png`, fullPage: true });
    const violations = await axe();
    expect(violations, JSON.stringify(violations)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-item').count(), { timeout: 30_000 }).toBe(0);
    expect(await selesai(SUBS[0], tanggal)).toBe(before.a + 1);
    expect(await selesai(SUBS[1], tanggal)).toBe(before.b + 1);
    expect(await formImports()).toBe(before.imports + 2);
    // The sent counts are now the form's own.
    await expect.poll(() => page.locator(`#f-${SUBS[1]}-selesai`).inputValue()).toBe(String(typed[1] + 1));

    // A retry after a lost answer, by hand: the same submission id and body write nothing more.
    const replay = await page.request.post(`${server.baseUrl}/api/v1/reports?source=form`, {
      headers: { 'content-type': 'application/json', origin: server.baseUrl, 'idempotency-key': queued[0].id },
      data: JSON.stringify(queued[0].reports),
    });
    expect(replay.status()).toBe(200);
    expect(replay.headers()['idempotent-replayed']).toBe('true');
    // The first answer again (one report written then), not a new judgement of the same values.
    const again = await replay.json();
    expect(again).toMatchObject({ rejected: 0 });
    expect(again.accepted + again.replaced).toBe(1);
    expect(await formImports()).toBe(before.imports + 2);
    expect(await selesai(SUBS[0], tanggal)).toBe(before.a + 1);
  });

  it('holds a queued report of another account on a shared phone, and sends it only when its writer signs in again', async () => {
    await context.setOffline(true);
    await page.getByTestId(`card-${SUBS[0]}`).getByRole('button', { name: 'Selesai +1' }).tap();
    await page.getByTestId('lapor-submit').tap();
    await expect.poll(() => page.getByTestId('outbox-item').count()).toBe(1);
    // The session ends while offline; when the network returns nobody is signed in: nothing is sent.
    await context.clearCookies();
    const before = await formImports();
    await context.setOffline(false);
    await page.waitForTimeout(2000);
    expect(await formImports()).toBe(before);
    // Someone else signs in on the same phone: the report is held, not sent as them.
    const other = await context.request.post(`${server.baseUrl}/api/v1/session`, { data: { username: 'ppl-647110323', password: 'regsosek2022' } });
    expect(other.ok()).toBe(true);
    await page.goto(`${server.baseUrl}/lapor`);
    await page.getByTestId('outbox-held').waitFor();
    expect(await page.getByTestId('outbox-held').textContent()).toContain(`ppl-${PPL}`);
    expect(await page.getByTestId('outbox-item').count()).toBe(0);
    await page.waitForTimeout(1000);
    expect(await formImports()).toBe(before);
    // The writer signs in again: their report goes, as them.
    await context.clearCookies();
    await context.request.post(`${server.baseUrl}/api/v1/session`, { data: { username: `ppl-${PPL}`, password: 'regsosek2022' } });
    await page.goto(`${server.baseUrl}/lapor`);
    await expect.poll(() => formImports(), { timeout: 30_000 }).toBe(before + 1);
    const list = await api('/api/v1/imports?source=form');
    expect(list.items[0].createdBy).toBe(`ppl-${PPL}`);
  });
});
