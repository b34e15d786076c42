// Issue #10 part 4: the journeys that only read, each step asserted and screenshotted
// (test-results/journeys/<journey>/<nn>-<step>.png). The writing ones are in journeys-writing.test.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { idNumber, Journey, pageOverflow } from './journey';
import { signedInContext } from './sign-in';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const rows = (page: Page) => page.locator('[data-testid=children] tbody tr');

/** The area name of a child row (its link also carries the code, on a line of its own). */
const areaName = (row: Locator) => row.locator('td').first().locator('a').first().evaluate((a) => a.firstChild!.textContent!.trim());

/** The first child row whose status badge says `status`, with its name. */
async function rowWithStatus(page: Page, statuses: string[]): Promise<{ row: Locator; name: string; status: string }> {
  const all = await rows(page).all();
  for (const status of statuses) {
    for (const row of all) {
      // The cell also says why (the status reason): compare the label alone.
      if ((await row.locator('td').nth(1).getByTestId('status-label').textContent())?.trim() === status) {
        return { row, name: await areaName(row), status };
      }
    }
  }
  throw new Error(`no row with status ${statuses.join(' or ')}`);
}

describe('user journeys in Chromium (reading)', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('(a) the city head’s morning check: home → behind kecamatan → a kelurahan → its PDF', async () => {
    const j = new Journey('a-city-head-morning-check');
    const context = await signedInContext(browser, baseUrl, 'pimpinan', DESKTOP, { acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await j.step(page, 'home', async () => {
      await page.goto(baseUrl);
      expect(new URL(page.url()).pathname).toBe('/wilayah/6471');
      expect(await page.locator('h1').textContent()).toBe('Kota Balikpapan');
      expect(await page.getByTestId('kpi-prelist').textContent()).toBe('240.000');
      await expect.poll(() => rows(page).count()).toBe(6);
    });

    // The kecamatan furthest behind by the status the table shows (never a hard-coded one).
    const kec = await rowWithStatus(page, ['Tertinggal', 'Berisiko']);
    let kecCode = '';
    await j.step(page, 'behind-kecamatan', async () => {
      await kec.row.locator('td').first().getByRole('link').click();
      await page.waitForURL(/\/wilayah\/6471\d{3}\?/);
      kecCode = new URL(page.url()).pathname.split('/').pop()!;
      await expect.poll(() => page.locator('h1').textContent()).toBe(kec.name);
      expect(await page.locator('nav[aria-label=breadcrumb]').textContent()).toContain('Kota Balikpapan');
      expect(await rows(page).count()).toBeGreaterThan(1);
    });

    const kel = await rowWithStatus(page, ['Tertinggal', 'Berisiko', 'Sesuai jadwal', 'Selesai']);
    let kelCode = '';
    await j.step(page, 'kelurahan', async () => {
      await kel.row.locator('td').first().getByRole('link').click();
      await page.waitForURL(new RegExp(`/wilayah/${kecCode}\\d{3}\\?`));
      kelCode = new URL(page.url()).pathname.split('/').pop()!;
      await expect.poll(() => page.locator('h1').textContent()).toBe(kel.name);
      expect(await page.locator('nav[aria-label=breadcrumb]').textContent()).toContain(kec.name);
      expect(idNumber(await page.getByTestId('kpi-prelist').textContent())).toBeGreaterThan(0);
    });

    await j.step(page, 'pdf-downloaded', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-links').getByRole('link', { name: 'PDF' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const file = (await download.path())!;
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      // In the page's language (Bahasa), though the browser itself asks for English.
      expect(text).toContain(`Wilayah: ${kel.name} (${kelCode})`);
      expect(text).toMatch(new RegExp(`^Laporan .* — ${kel.name} — `));
    });
    expect(errors).toEqual([]);
    await context.close();
    j.done();
  });

  it('(b) a camat on a 360 px phone: only their kecamatan, drills down, tables usable', async () => {
    const j = new Journey('b-camat-phone');
    const context = await signedInContext(browser, baseUrl, 'camat-balikpapan-timur', PHONE, { hasTouch: true, isMobile: true });
    const page = await context.newPage();

    await j.step(page, 'home-is-own-kecamatan', async () => {
      await page.goto(baseUrl);
      expect(new URL(page.url()).pathname).toBe('/wilayah/6471020');
      expect(await page.locator('h1').textContent()).toBe('Balikpapan Timur');
      expect(await page.locator('nav[aria-label=breadcrumb] a').count()).toBe(0);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });

    await j.step(page, 'table-scrolls-sideways', async () => {
      const table = page.locator('[data-testid=children]');
      await table.scrollIntoViewIfNeeded();
      const scroller = table.locator('div.overflow-x-auto');
      const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(scrollWidth).toBeGreaterThan(clientWidth); // the table scrolls inside itself, not the page
      await scroller.evaluate((el) => el.scrollBy({ left: 400 }));
      // The sticky name column stays in view while the figures scroll.
      const name = rows(page).first().locator('td').first();
      const box = await name.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x).toBeLessThan(40);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });

    await j.step(page, 'sorted-by-progress', async () => {
      await page.locator('[data-testid=children] thead').getByRole('button', { name: /^Progres/ }).tap();
      await expect.poll(() => page.locator('[data-testid=children] thead th[aria-sort]').count()).toBe(1);
      const values = (await rows(page).locator('td:nth-child(3)').allTextContents()).map(idNumber);
      expect(values.length).toBeGreaterThan(1);
      const sorted = [...values].sort((a, b) => a - b);
      expect([sorted, [...sorted].reverse()].map(String)).toContain(String(values));
    });

    const kelName = await areaName(rows(page).first());
    await j.step(page, 'kelurahan', async () => {
      await rows(page).first().locator('td').first().getByRole('link').tap();
      await page.waitForURL(/\/wilayah\/6471020\d{3}\?/);
      await expect.poll(() => page.locator('h1').textContent()).toBe(kelName);
      expect(await page.locator('nav[aria-label=breadcrumb]').textContent()).toContain('Balikpapan Timur');
      expect(await page.locator('nav[aria-label=breadcrumb]').textContent()).not.toContain('Kota Balikpapan');
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });

    await j.step(page, 'other-kecamatan-not-found', async () => {
      const response = await page.goto(`${baseUrl}/wilayah/6471010`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Tidak ditemukan');
    });
    await context.close();
    j.done();
  });

  it('(c) a lurah finds the refusals on the map', async () => {
    const j = new Journey('c-lurah-refusals-map');
    const context = await signedInContext(browser, baseUrl, 'lurah-manggar-baru', DESKTOP);
    const page = await context.newPage();

    await j.step(page, 'map-of-own-kelurahan', async () => {
      await page.goto(`${baseUrl}/peta`);
      expect(await page.locator('h1').textContent()).toContain('Manggar Baru');
      await expect.poll(() => page.locator('[data-testid=sls-grid] a').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    });

    await j.step(page, 'metric-refusals', async () => {
      await page.getByTestId('map-metric').selectOption('tingkatPenolakan');
      await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('tingkatPenolakan');
      await expect.poll(() => page.locator('[data-testid=map-table] thead').textContent()).toContain('Tingkat penolakan');
    });

    // The SLS with most refusals, from the map's own table equivalent.
    const table = await page.locator('[data-testid=map-table] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ code: (tr as HTMLElement).dataset.code!, name: tr.querySelector('a')!.textContent!.trim(), menolak: tr.querySelector('td:last-child')!.textContent!.trim() })),
    );
    const most = table.map((r) => ({ ...r, n: Number(r.menolak.replace(/\./g, '')) })).sort((a, b) => b.n - a.n)[0];
    expect(most.n).toBeGreaterThan(0);
    await j.step(page, 'most-refusals-on-grid', async () => {
      const cell = page.locator(`[data-testid=sls-grid] a[data-code="${most.code}"]`);
      await cell.scrollIntoViewIfNeeded();
      expect(await cell.textContent()).toContain(`Menolak ${most.menolak}`);
      await cell.hover();
    });

    await j.step(page, 'sls-page', async () => {
      await page.locator(`[data-testid=sls-grid] a[data-code="${most.code}"]`).click();
      await page.waitForURL(new RegExp(`/wilayah/${most.code}`));
      await expect.poll(() => page.locator('h1').textContent()).toBe(most.name);
      expect(await page.getByTestId('kpi-tingkatPenolakan').locator('..').textContent()).toContain(`${most.menolak} menolak`);
    });
    await context.close();
    j.done();
  });

  it('(d) a PML chases their silent PPL: belum lapor list, a phone link, an export', async () => {
    const j = new Journey('d-pml-silent-ppl');
    const PML = '647120082';
    const context = await signedInContext(browser, baseUrl, `pml-${PML}`, PHONE, { hasTouch: true, isMobile: true, acceptDownloads: true });
    const page = await context.newPage();

    await j.step(page, 'home-is-own-page', async () => {
      await page.goto(baseUrl);
      expect(new URL(page.url()).pathname).toBe(`/petugas/${PML}`);
      await page.getByTestId('team-table').waitFor();
    });

    await j.step(page, 'belum-lapor', async () => {
      await page.goto(`${baseUrl}/petugas?asOf=2022-11-02`);
      await page.getByTestId('tab-silent').tap();
      await page.waitForURL(/tab=belum-lapor/);
      const silent = page.getByTestId('silent-officer');
      await expect.poll(() => silent.count()).toBeGreaterThan(0);
      expect(await page.getByTestId('silent-list').locator('h3').first().textContent()).toContain('PML');
    });

    await j.step(page, 'phone-link', async () => {
      const phone = page.getByTestId('silent-officer').first().locator('a[href^="tel:"]');
      expect(await phone.getAttribute('href')).toMatch(/^tel:\+?\d{9,15}$/);
      await phone.scrollIntoViewIfNeeded();
      expect(await phone.isVisible()).toBe(true);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });

    const silentName = (await page.getByTestId('silent-officer').first().locator('a').first().textContent())!.trim();
    await j.step(page, 'silent-ppl-page', async () => {
      await page.getByTestId('silent-officer').first().locator('a').first().tap();
      await page.waitForURL(/\/petugas\/\d+\?/);
      expect(await page.getByTestId('officer-name').textContent()).toBe(silentName);
      await expect.poll(() => page.locator('[data-testid=subsls-table] tbody tr').count()).toBeGreaterThan(0);
    });

    let subName = '';
    await j.step(page, 'their-sub-sls', async () => {
      const link = page.locator('[data-testid=subsls-table] tbody tr').first().locator('a');
      subName = (await link.textContent())!.trim();
      await link.tap();
      await page.waitForURL(/\/wilayah\/\d{16}\?/);
      // A sub-SLS's heading names its part, so it never reads as its SLS ("RT 006 · sub-SLS 00").
      await expect.poll(() => page.locator('h1').textContent()).toMatch(new RegExp(`^${subName} · sub-SLS \\d{2}$`));
    });

    await j.step(page, 'export-csv', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-links').getByRole('link', { name: 'CSV' }).tap()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv).toContain(subName);
      expect(csv.split(/\r?\n/).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    });
    await context.close();
    j.done();
  });

  it('(g) a user switches to English and back, and the choice persists', async () => {
    const j = new Journey('g-switch-language');
    const context = await signedInContext(browser, baseUrl, 'pimpinan', DESKTOP);
    const page = await context.newPage();

    await j.step(page, 'bahasa-indonesia', async () => {
      await page.goto(`${baseUrl}/wilayah/6471`);
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      expect(await page.locator('[data-testid=children] h2').textContent()).toBe('Wilayah di bawahnya');
      expect(await page.getByTestId('kpi-prelist').textContent()).toBe('240.000');
    });

    await j.step(page, 'english', async () => {
      await page.waitForLoadState('networkidle'); // hydrated: the switch is a client button
      await page.getByRole('button', { name: 'Bahasa' }).click();
      await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 15_000 }).toBe('en');
      await expect.poll(() => page.locator('[data-testid=children] h2').textContent()).toBe('Areas below');
      expect(await page.getByTestId('kpi-prelist').textContent()).toBe('240,000');
    });

    await j.step(page, 'english-persists', async () => {
      await page.goto(`${baseUrl}/petugas`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').textContent()).toBe('Officers');
      const again = await context.newPage();
      await again.goto(`${baseUrl}/glosarium`);
      expect(await again.locator('html').getAttribute('lang')).toBe('en');
      await again.close();
    });

    await j.step(page, 'back-to-bahasa', async () => {
      await page.waitForLoadState('networkidle');
      await page.getByRole('button', { name: 'Language' }).click();
      await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 15_000 }).toBe('id');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Petugas');
      await page.reload();
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
    });
    await context.close();
    j.done();
  });
});
