import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

describe('smoke: the city head opens Pantau', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('shows the city target formatted the Indonesian way on the home page', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(baseUrl);
    expect(new URL(page.url()).pathname).toBe('/wilayah/6471');
    await expect.poll(() => page.getByTestId('kpi-prelist').textContent()).toBe('240.000');
    expect(await page.locator('h1').textContent()).toBe('Kota Balikpapan');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await page.close();
  });

  it('answers an unknown area with the not-found page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/wilayah/6471999999`);
    expect(response?.status()).toBe(404);
    await page.close();
  });
});
