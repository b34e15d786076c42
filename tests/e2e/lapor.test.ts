// The PPL's phone form as a signed-in PPL and PML (accounts: issue #6). Skips only if the
// server has no POST /api/v1/session.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { startIsolatedServer, type IsolatedServer } from './isolated-server';
import { signedInContext } from './sign-in';

const probe = await fetch(`${inject('baseUrl')}/api/v1/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'ppl-647110324', password: 'regsosek2022' }),
});
const authReady = probe.status !== 404 && probe.status !== 405;

const PPL = '647110324';
const PML = '647120082';
const SUB = '6471020002000400';

describe.skipIf(!authReady)('a PPL reports the day from a phone on /lapor', () => {
  let server: IsolatedServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startIsolatedServer();
    browser = await launchChromium();
    context = await signedInContext(browser, server.baseUrl, `ppl-${PPL}`, { width: 360, height: 780 }, { hasTouch: true, isMobile: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows only their own sub-SLS with the last values filled in', async () => {
    await page.goto(`${server.baseUrl}/lapor`);
    await page.getByTestId(`card-${SUB}`).waitFor();
    const cards = await page.locator('[data-testid^=card-]').count();
    const own = await (await page.request.get(`${server.baseUrl}/api/v1/assignments?petugas=${PPL}`)).json();
    expect(cards).toBe(own.items.length);
    expect(await page.locator(`#f-${SUB}-selesai`).inputValue()).toBe('22');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('checks the counts inline with the same rules as the server, then sends them', async () => {
    await page.locator(`#f-${SUB}-menolak`).fill('500');
    await page.getByText(/melebihi prelist \+ keluarga baru/).waitFor();
    expect(await page.getByTestId('lapor-submit').isDisabled()).toBe(true);
    await page.locator(`#f-${SUB}-menolak`).fill('2');
    const card = page.getByTestId(`card-${SUB}`);
    await card.getByRole('button', { name: 'Selesai +1' }).tap();
    await card.getByRole('button', { name: 'Selesai +1' }).tap();
    expect(await page.locator(`#f-${SUB}-selesai`).inputValue()).toBe('24');
    await page.getByTestId('lapor-submit').tap();
    await expect.poll(() => page.getByTestId('lapor-status').textContent(), { timeout: 30_000 }).toMatch(/^Terkirim: 0 laporan baru, 1 laporan diperbarui/);
  });

  it('lets their PML submit for them, recorded as the PML', async () => {
    const pml = await signedInContext(browser, server.baseUrl, `pml-${PML}`, { width: 360, height: 780 });
    const p = await pml.newPage();
    await p.goto(`${server.baseUrl}/lapor?petugas=${PPL}`);
    await p.getByTestId(`card-${SUB}`).getByRole('button', { name: 'Selesai +1' }).click();
    await p.getByTestId('lapor-submit').click();
    await expect.poll(() => p.getByTestId('lapor-status').textContent(), { timeout: 30_000 }).toMatch(/^Terkirim/);
    const list = await (await p.request.get(`${server.baseUrl}/api/v1/imports?source=form`)).json();
    expect(list.items[0].createdBy).toBe(`pml-${PML}`);
    await pml.close();
  });
});
