import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { sessionToken, signedInContext } from './sign-in';

/** "1.055,4" (id-ID) → 1055.4; "–" → NaN. */
const idNumber = (text: string | null) => Number((text ?? '').trim().replace(/\./g, '').replace(',', '.'));

async function column(page: Page, col: string): Promise<number[]> {
  return (await page.locator(`[data-testid="officer-row"] td[data-col="${col}"]`).allTextContents()).map(idNumber);
}

const nonIncreasing = (values: number[]) => values.every((v, i) => i === 0 || v <= values[i - 1]);

describe('officers: the city head finds who is silent, fast or behind', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('sorts the city by days silent and by pace, filters one PML team and opens an officer', async () => {
    const page = await (await signedInContext(browser, baseUrl, 'pimpinan', { width: 1280, height: 900 })).newPage();
    await page.goto(`${baseUrl}/petugas`);
    await expect.poll(() => page.getByTestId('officers-total').textContent()).toBe('1.116 petugas');
    expect(await page.getByTestId('officer-row').count()).toBe(50);

    await page.getByRole('button', { name: 'Urutkan menurut Hari tanpa lapor' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('daysSilent');
    await expect.poll(async () => (await column(page, 'daysSilent'))[0]).toBeGreaterThanOrEqual(3);
    const silent = await column(page, 'daysSilent');
    expect(nonIncreasing(silent)).toBe(true);
    expect(await page.locator('[data-testid="officer-row"]').first().locator('[data-flag="lama_tidak_lapor"]').count()).toBe(1);

    await page.getByRole('button', { name: 'Urutkan menurut Laju 7 hari' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('pace7');
    await expect.poll(async () => nonIncreasing(await column(page, 'pace7')) && (await column(page, 'pace7'))[0] > 100).toBe(true);

    const pml = await page.locator('select[name="pml"] option').nth(5).getAttribute('value');
    await page.selectOption('select[name="pml"]', pml!);
    await expect.poll(() => new URL(page.url()).searchParams.get('pml')).toBe(pml);
    await expect
      .poll(async () => {
        const codes = await page.locator('[data-testid="officer-pml"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
        return codes.length > 0 && codes.every((c) => c === pml) && codes.length === (await page.getByTestId('officer-row').count());
      })
      .toBe(true);

    const first = page.getByTestId('officer-link').first();
    const name = await first.textContent();
    await first.click();
    await page.waitForURL(/\/petugas\/\d+/);
    expect(await page.getByTestId('officer-name').textContent()).toBe(name);
    expect(await page.getByTestId('officer-supervisor').getAttribute('href')).toContain(`/petugas/${pml}`);
    await expect.poll(() => page.getByTestId('daily-chart').locator('svg').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('team-totals').count()).toBe(1);
    await page.close();
  });

  it('shows the team table and totals on a PML page that match the sum of the team', async () => {
    const page = await (await signedInContext(browser, baseUrl, 'pimpinan', { width: 1280, height: 900 })).newPage();
    const response = await page.goto(`${baseUrl}/petugas/647120001`);
    expect(response?.status()).toBe(200);
    const selesai = (await page.locator('[data-testid="team-table"] tbody tr td:nth-child(3)').allTextContents()).map(idNumber);
    const total = idNumber(await page.locator('[data-testid="team-totals"] td:nth-child(3)').textContent());
    expect(selesai.length).toBeGreaterThan(1);
    expect(total).toBe(selesai.reduce((a, b) => a + b, 0));
    await page.close();
  });

  it('is usable at 360 px: sticky names, scrolling table, filters behind a button, silent list by PML', async () => {
    const page = await (await signedInContext(browser, baseUrl, 'pimpinan', { width: 360, height: 780 })).newPage();
    await page.goto(`${baseUrl}/petugas?sort=daysSilent&dir=desc`);
    await expect.poll(() => page.getByTestId('officer-row').count()).toBe(50);
    expect(await page.locator('select[name="pml"]').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Filter' }).click();
    expect(await page.locator('select[name="pml"]').isVisible()).toBe(true);
    const bodyWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(bodyWidth).toBeLessThanOrEqual(360);
    await page.getByTestId('tab-silent').click();
    await page.waitForURL(/tab=belum-lapor/);
    expect(await page.getByTestId('silent-officer').count()).toBeGreaterThan(10);
    await page.close();
  });

  it('answers the API: PPL totals equal the city, errors as JSON, foreign and unknown as 404', async () => {
    const auth = { authorization: `Bearer ${await sessionToken(baseUrl, 'pimpinan')}` };
    const fetch = (url: string, init: RequestInit = {}) => globalThis.fetch(url, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
    const city = await (await fetch(`${baseUrl}/api/v1/areas/6471`)).json();
    let selesai = 0;
    for (let page = 1; page <= 5; page++) {
      const body = await (await fetch(`${baseUrl}/api/v1/officers?role=ppl&pageSize=200&page=${page}`)).json();
      selesai += body.rows.reduce((s: number, r: { selesai: number }) => s + r.selesai, 0);
    }
    expect(selesai).toBe(city.selesai);
    const bad = await fetch(`${baseUrl}/api/v1/officers?sort=nope`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('bad_request');
    expect((await fetch(`${baseUrl}/api/v1/officers/NOPE`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/api/v1/officers?area=6471999999`)).status).toBe(404);
    const one = await (await fetch(`${baseUrl}/api/v1/officers/647110001?asOf=2022-10-20`, { headers: { 'accept-language': 'en' } })).json();
    expect(one.officer.asOf).toBe('2022-10-20');
    expect(one.daily.at(-1).tanggal).toBe('2022-10-20');
  });
});
