import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { signedInContext } from './sign-in';

describe('smoke: the city head opens Pantau', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('shows the city target formatted the Indonesian way on the home page', async () => {
    const context = await signedInContext(browser, baseUrl, 'pimpinan', { width: 360, height: 780 });
    const page = await context.newPage();
    await page.goto(baseUrl);
    expect(new URL(page.url()).pathname).toBe('/wilayah/6471');
    await expect.poll(() => page.getByTestId('kpi-prelist').textContent()).toBe('240.000');
    expect(await page.locator('h1').textContent()).toBe('Kota Balikpapan');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await context.close();
  });

  it('answers an unknown area with the not-found page', async () => {
    const context = await signedInContext(browser, baseUrl, 'pimpinan');
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/wilayah/6471999999`);
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
