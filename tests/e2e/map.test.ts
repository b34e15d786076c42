import { get } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { sessionToken, signedInContext } from './sign-in';

const POLYGONS = '.leaflet-overlay-pane path';
const ATTRIBUTION = 'Batas wilayah: BPS / OCHA HDX COD-AB Indonesia (CC BY-IGO)';

/** A point of the page where the element itself is hit (a concave polygon's box centre may not be). */
async function pointInside(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const point = await page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    for (let i = 1; i < 12; i++) {
      for (let j = 1; j < 12; j++) {
        const x = r.left + (r.width * i) / 12, y = r.top + (r.height * j) / 12;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error(`no visible point inside ${selector}`);
  return point;
}

/** Bytes on the wire of a gzip-encoded response (fetch would decompress it). */
function gzippedSize(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; etag: string | undefined; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': 'gzip', ...headers } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, etag: res.headers.etag, encoding: res.headers['content-encoding'] }));
    }).on('error', reject);
  });
}

describe('the map', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  let token = '';
  beforeAll(async () => {
    browser = await launchChromium();
    token = await sessionToken(baseUrl, 'pimpinan');
  });
  const newPage = async (viewport = { width: 1280, height: 900 }) => (await signedInContext(browser, baseUrl, 'pimpinan', viewport)).newPage();
  afterAll(() => browser?.close());

  it('serves the kelurahan layer gzipped under 150 KB, with an ETag answered by 304', async () => {
    const url = `${baseUrl}/api/v1/areas/6471/geo?level=kelurahan`;
    const first = await gzippedSize(url, { authorization: `Bearer ${token}` });
    console.log(`kelurahan layer on the wire: ${first.bytes} bytes (${first.encoding})`);
    expect(first.status).toBe(200);
    expect(first.encoding).toBe('gzip');
    expect(first.bytes).toBeLessThan(150 * 1024);
    const again = await gzippedSize(url, { authorization: `Bearer ${token}`, 'If-None-Match': first.etag! });
    expect(again.status).toBe(304);
    expect(again.bytes).toBe(0);
  });

  it('draws the 34 kelurahan of the kota on the boundaries alone, or its 6 kecamatan with the toggle', async () => {
    const page = await newPage();
    const foreign: string[] = [];
    page.on('request', (r) => void (new URL(r.url()).origin !== baseUrl && foreign.push(r.url())));
    await page.goto(`${baseUrl}/peta`);
    await expect.poll(() => page.locator(POLYGONS).count(), { timeout: 20_000 }).toBe(34);
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain(ATTRIBUTION);
    await page.getByText('Kecamatan', { exact: true }).click();
    await expect.poll(() => page.locator(POLYGONS).count()).toBe(6);
    expect(new URL(page.url()).searchParams.get('level')).toBe('kecamatan');
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('colours each polygon with its legend class, the same as its row in the table', async () => {
    const page = await newPage();
    for (const metric of ['progres', 'status']) {
      await page.goto(`${baseUrl}/peta?area=6471&metric=${metric}`);
      await expect.poll(() => page.locator(POLYGONS).count(), { timeout: 20_000 }).toBe(34);
      const legend = await page.locator('[data-testid=map-legend] li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.color));
      const fills = await page.locator(POLYGONS).evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
      expect(new Set(fills).size).toBeGreaterThan(1);
      for (const fill of fills) expect(legend).toContain(fill);
      const rows = await page.locator('[data-testid=map-table] tbody tr').evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.code, (tr as HTMLElement).dataset.color]));
      expect(rows).toHaveLength(34);
      for (const [code, color] of rows) expect(await page.locator(`path.area-${code}`).getAttribute('fill')).toBe(color);
    }
    await page.close();
  });

  it('opens a kelurahan when it is clicked, with its SLS as a coloured grid', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/peta?area=6471`);
    await expect.poll(() => page.locator(POLYGONS).count(), { timeout: 20_000 }).toBe(34);
    const { x, y } = await pointInside(page, 'path.area-6471030004');
    await page.mouse.click(x, y);
    await page.waitForURL((u) => u.searchParams.get('area') === '6471030004');
    expect(await page.locator('h1').textContent()).toContain('Karang Joang');
    await expect.poll(() => page.locator('[data-testid=sls-grid] a').count(), { timeout: 20_000 }).toBeGreaterThan(20);
    expect(await page.locator(POLYGONS).count()).toBe(0);
    await page.close();
  });

  it('moves the as-of date with the slider and replays the days', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/peta?area=6471010`);
    const map = page.getByTestId('area-map');
    await expect.poll(() => map.getAttribute('data-asof'), { timeout: 20_000 }).toBe('2022-11-02');
    const late = await page.getByTestId('map-table-value').allTextContents();
    await page.getByTestId('map-slider').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => map.getAttribute('data-asof')).toBe('2022-10-15');
    expect(await page.getByTestId('map-asof').textContent()).toBe('15 Okt 2022');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2022-10-15');
    expect(await page.getByTestId('map-table-value').allTextContents()).not.toEqual(late);
    await page.getByTestId('map-play').click();
    await expect.poll(() => map.getAttribute('data-asof'), { timeout: 15_000 }).toBe('2022-10-17');
    await page.getByTestId('map-play').click();
    await page.close();
  });

  it('on a phone, shows the tapped area first and opens it on the second tap', async () => {
    const context = await signedInContext(browser, baseUrl, 'pimpinan', { width: 360, height: 780 }, { hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/peta?area=6471020`);
    await expect.poll(() => page.locator(POLYGONS).count(), { timeout: 20_000 }).toBe(4);
    const { x, y } = await pointInside(page, 'path.area-6471020002');
    await page.touchscreen.tap(x, y);
    await expect.poll(() => page.getByTestId('map-selection').textContent()).toContain('Manggar Baru');
    await page.touchscreen.tap(x, y);
    await page.waitForURL((u) => u.searchParams.get('area') === '6471020002');
    await context.close();
  });

  it('keeps Leaflet off pages without a map', async () => {
    const page = await newPage();
    // A kelurahan page has no map (SLS have no polygons); the kota and kecamatan pages carry the panel.
    await page.goto(`${baseUrl}/wilayah/6471020002`);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => typeof (window as unknown as { L?: unknown }).L)).toBe('undefined');
    await page.goto(`${baseUrl}/peta`);
    await expect.poll(() => page.evaluate(() => typeof (window as unknown as { L?: unknown }).L), { timeout: 20_000 }).toBe('object');
    await page.close();
  });
});
