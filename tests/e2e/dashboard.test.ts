import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { signedInContext } from './sign-in';

const rows = (page: Page) => page.locator('[data-testid=children] tbody tr');
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim();

describe('dashboard: the city head’s morning look', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('shows the kota with its 6 kecamatan and draws the three charts', async () => {
    const page = await (await signedInContext(browser, baseUrl, 'pimpinan', { width: 1280, height: 900 })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/wilayah/6471`);
    await expect.poll(() => rows(page).count()).toBe(6);
    expect(await page.locator('[data-testid=totals] td').first().textContent()).toBe('Jumlah Kota Balikpapan');
    for (const chart of ['chart-progress', 'chart-pace', 'chart-outcomes']) {
      await page.locator(`[data-testid=${chart}] svg.recharts-surface`).first().waitFor({ state: 'visible', timeout: 30_000 });
    }
    expect(await page.locator('[data-testid=chart-progress] .recharts-line').count()).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'Definisi Progres' }).first().click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Progres' }).isVisible()).toBe(true);
    expect(await page.getByRole('dialog', { name: 'Progres' }).textContent()).toContain('progres = (selesai + tidak ditemukan) ÷ (prelist + keluarga baru)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every kelurahan of the kota and filters them by status, the totals row staying the kota', async () => {
    const page = await (await signedInContext(browser, baseUrl, 'pimpinan', { width: 1280, height: 900 })).newPage();
    await page.goto(`${baseUrl}/wilayah/6471`);
    await page.locator('[data-testid=children]').getByRole('button', { name: 'Kelurahan' }).click();
    await page.waitForURL(/level=kelurahan/);
    await expect.poll(() => rows(page).count()).toBe(34);
    const chip = page.locator('[data-testid=children]').getByRole('button', { name: /^Tertinggal \(\d+\)$/ });
    const behind = Number((await chip.textContent())?.match(/\((\d+)\)/)?.[1]);
    await chip.click();
    await expect.poll(() => rows(page).count()).toBe(behind);
    expect(await page.locator('[data-testid=children] tbody').textContent()).not.toContain('Sesuai jadwal');
    expect(await page.locator('[data-testid=totals] td').first().textContent()).toBe('Jumlah Kota Balikpapan');
    await page.close();
  });

  it('drills down kota → kecamatan → kelurahan, keeping the date, down to the SLS and their PPL', async () => {
    const page = await (await signedInContext(browser, baseUrl, 'pimpinan', { width: 360, height: 780 })).newPage();
    await page.goto(`${baseUrl}/wilayah/6471?asOf=2022-10-30`);
    await page.locator('[data-testid=children]').getByRole('link', { name: /Balikpapan Timur/ }).click();
    await page.waitForURL(/\/wilayah\/6471020\?asOf=2022-10-30$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Balikpapan Timur');
    await page.locator('[data-testid=children]').getByRole('link', { name: /Manggar Baru/ }).click();
    await page.waitForURL(/\/wilayah\/6471020002\?asOf=2022-10-30$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Manggar Baru');
    expect(await page.locator('[data-testid=children] thead th').nth(3).textContent()).toBe('PPL');
    expect(await rows(page).count()).toBeGreaterThan(10);
    expect(await page.locator('nav[aria-label=breadcrumb]').textContent()).toContain('Balikpapan Timur');
    await page.close();
  });

  it('follows the as-of date in the URL: figures, table and day buttons', async () => {
    const page = await (await signedInContext(browser, baseUrl, 'pimpinan', { width: 1280, height: 900 })).newPage();
    await page.goto(`${baseUrl}/wilayah/6471`);
    const latest = await text(page, 'kpi-selesai');
    const api = await (await page.request.get(`${baseUrl}/api/v1/areas/6471?asOf=2022-10-20`)).json();
    await page.goto(`${baseUrl}/wilayah/6471?asOf=2022-10-20`);
    const earlier = await text(page, 'kpi-selesai');
    expect(earlier).not.toBe(latest);
    expect(earlier).toBe(api.selesai.toLocaleString('id-ID'));
    expect(await text(page, 'as-of-label')).toBe('20 Okt 2022');
    await page.getByRole('button', { name: 'Hari sebelumnya' }).click();
    await page.waitForURL(/asOf=2022-10-19/);
    await expect.poll(() => text(page, 'as-of-label')).toBe('19 Okt 2022');
    const api19 = await (await page.request.get(`${baseUrl}/api/v1/areas/6471?asOf=2022-10-19`)).json();
    await expect.poll(() => text(page, 'kpi-selesai')).toBe(api19.selesai.toLocaleString('id-ID'));
    await page.close();
  });

  it('refreshes the figures and the map panel together when the data version moves, revalidating by ETag and keeping the date', async () => {
    const page = await (await signedInContext(browser, baseUrl, 'pimpinan', { width: 1280, height: 900 })).newPage();
    // The data version as the page polls it, one report ahead once `moved` is set (no write: the shared server stays as it is).
    let moved = false;
    await page.route('**/api/v1/changes*', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { token: string; changed: boolean };
      const token = moved ? body.token.replace(/^\d+/, (h) => String(Number(h) + 1)) : body.token;
      await route.fulfill({ response: res, json: { ...body, token } });
    });
    const answers: { path: string; status: number; ifNoneMatch: string | null }[] = [];
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/v1/areas/6471')) answers.push({ path: url.pathname + url.search, status: r.status(), ifNoneMatch: r.request().headers()['if-none-match'] ?? null });
    });
    await page.goto(`${baseUrl}/wilayah/6471?asOf=2022-10-20`);
    await page.getByTestId('area-map-panel').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=area-map-panel] [data-testid=area-map]').waitFor({ timeout: 60_000 });
    const geo = '/api/v1/areas/6471/geo?asOf=2022-10-20&level=kelurahan';
    expect(answers.filter((a) => a.path === geo).map((a) => a.status)).toEqual([200]);
    await page.waitForTimeout(3000); // the live refresh has read the current data version
    answers.length = 0;

    moved = true;
    await expect.poll(() => answers.filter((a) => a.path === geo).length, { timeout: 15_000 }).toBe(1);
    // The map panel asked again with the ETag of the layer it holds: unchanged, so a bodiless 304.
    expect(answers.find((a) => a.path === geo)).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"/) });
    await expect.poll(() => answers.filter((a) => a.path.startsWith('/api/v1/areas/6471?') || a.path.startsWith('/api/v1/areas/6471/children?') || a.path.startsWith('/api/v1/areas/6471/daily?')).length).toBe(3);
    expect(answers.every((a) => a.path.includes('2022-10-20'))).toBe(true);
    expect(page.url()).toMatch(/\/wilayah\/6471\?asOf=2022-10-20$/);
    expect(await text(page, 'as-of-label')).toBe('20 Okt 2022');
    expect(await page.locator('[data-testid=area-map-panel] [data-testid=area-map]').getAttribute('data-asof')).toBe('2022-10-20');
    expect(await page.locator('[data-testid=area-map-panel] .leaflet-overlay-pane path').count()).toBe(34);
    await page.close();
  });

  it('switches to English and back', async () => {
    const context = await signedInContext(browser, baseUrl, 'pimpinan');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/wilayah/6471`);
    expect(await page.locator('[data-testid=children] h2').textContent()).toBe('Wilayah di bawahnya');
    await page.getByRole('button', { name: 'Bahasa' }).click();
    // The switch re-renders the page on the server (a server action): seconds on a loaded machine.
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 15_000 }).toBe('en');
    await expect.poll(() => page.locator('[data-testid=children] h2').textContent()).toBe('Areas below');
    expect(await text(page, 'kpi-prelist')).toBe('240,000');
    expect(await page.getByRole('link', { name: 'Glossary' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Language' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 15_000 }).toBe('id');
    await context.close();
  });

  it('finds an area by its Kemendagri code and lists every definition in the glossary', async () => {
    const page = await (await signedInContext(browser, baseUrl, 'pimpinan', { width: 360, height: 780 })).newPage();
    await page.goto(`${baseUrl}/cari?q=64.71.01.1004`);
    await page.getByTestId('search-results').getByRole('link', { name: /Manggar Baru/ }).click();
    await page.waitForURL(/\/wilayah\/6471020002$/);
    await page.goto(`${baseUrl}/glosarium`);
    expect(await page.locator('#pace7 code').textContent()).toBe('laju 7 hari = rata-rata 7 laju harian terakhir');
    // 23 metrics, the 5 officer flags (the officer statuses are a list) and the 4 of the follow-up feature (issue #17).
    expect(await page.locator('dl > div').count()).toBe(32);
    expect(await page.locator('#konversiPenolakan code').textContent()).toMatch(/^Σ \(puncak menolak/);
    await page.close();
  });
});
