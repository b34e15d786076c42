// Issue #14 §3: who to call, on the first screen. A lurah's phone shows "Perlu perhatian" above the
// figure cards, with tap-to-call links and the belum-lapor count leading to that list; /petugas is
// worst first, a table at 1280 px with its four action columns in view and cards at 360 px.
// Each step is screenshotted (test-results/journeys/<journey>/) and audited with axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeSerious } from './axe';
import { launchChromium } from './browser';
import { Journey, pageOverflow } from './journey';
import { signedInContext } from './sign-in';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };


describe('who to call first (Chromium)', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('(m) a lurah on a phone sees "Perlu perhatian" before the cards and reaches who has not reported', async () => {
    const j = new Journey('m-lurah-perlu-perhatian');
    const context = await signedInContext(browser, baseUrl, 'lurah-manggar-baru', PHONE);
    const page = await context.newPage();
    const block = page.getByTestId('attention');

    await j.step(page, 'perlu-perhatian-360', async () => {
      await page.goto(baseUrl);
      await block.waitFor();
      expect(await block.getByRole('heading', { level: 2 }).textContent()).toBe('Perlu perhatian');
      // On the first screen, and above the figure cards.
      const box = (await block.boundingBox())!;
      const cards = (await page.getByTestId('kpi-prelist').boundingBox())!;
      expect(box.y).toBeLessThan(PHONE.height);
      expect(box.y).toBeLessThan(cards.y);
      expect(await page.getByTestId('attention-area').count()).toBeGreaterThan(0);
      // Each area row names its PPL and PML; phone numbers are tap-to-call links.
      const first = page.getByTestId('attention-area').first();
      expect(await first.textContent()).toMatch(/PPL.*PML/);
      const tel = await block.locator('a[href^="tel:"]').first().getAttribute('href');
      expect(tel).toMatch(/^tel:\+?\d{8,}$/);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeSerious(page)).toEqual([]);
    });

    const silentText = (await page.getByTestId('attention-silent').textContent())!;
    const count = Number(/^(\d+) PPL belum lapor/.exec(silentText)?.[1] ?? 0);
    await j.step(page, 'belum-lapor-list', async () => {
      await page.getByTestId('attention-silent').click();
      await page.waitForURL(/\/petugas\?tab=belum-lapor/);
      expect(new URL(page.url()).searchParams.get('wilayah')).toMatch(/^\d{10}$/);
      expect(await page.getByTestId('tab-silent').textContent()).toContain(`(${count})`);
      expect(await axeSerious(page)).toEqual([]);
    });

    await page.setViewportSize(DESKTOP);
    await j.step(page, 'perlu-perhatian-1280', async () => {
      await page.goBack();
      await block.waitFor();
      const box = (await block.boundingBox())!;
      expect(box.y + 40).toBeLessThan(DESKTOP.height);
      expect(await axeSerious(page)).toEqual([]);
    });
    await context.close();
    j.done();
  });

  it('(n) /petugas is worst first: a table with status, flags, last report and PML in view at 1280 px, cards at 360 px', async () => {
    const j = new Journey('n-petugas-worst-first');
    const context = await signedInContext(browser, baseUrl, 'pimpinan', DESKTOP);
    const page = await context.newPage();

    await j.step(page, 'worst-first-1280', async () => {
      await page.goto(`${baseUrl}/petugas`);
      await page.getByTestId('officer-row').first().waitFor();
      expect(await page.getByTestId('officers-worst-first').isVisible()).toBe(true);
      const statuses = await page.locator('[data-testid=officer-row] td[data-col=status] [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      // Stalled before behind before anyone on track; never an on-track officer above a stalled one.
      const rank = (s: string | null) => ['macet', 'tertinggal', 'belum_lapor'].indexOf(s ?? '');
      const urgent = statuses.map(rank).filter((r) => r >= 0);
      expect(urgent.length).toBeGreaterThan(0);
      expect(urgent).toEqual([...urgent].sort((a, b) => a - b));
      expect(rank(statuses[0])).toBeGreaterThanOrEqual(0);
      const calm = statuses.findIndex((st) => rank(st) < 0);
      if (calm >= 0) expect(statuses.slice(calm).every((st) => rank(st) < 0)).toBe(true);
      // The four facts to act on are inside the viewport without scrolling sideways.
      for (const col of ['status', 'flags', 'lastReport', 'supervisor']) {
        const cell = (await page.locator(`[data-testid=officer-row] td[data-col=${col}]`).first().boundingBox())!;
        expect(cell.x + cell.width, col).toBeLessThanOrEqual(DESKTOP.width);
      }
      expect(await axeSerious(page)).toEqual([]);
    });

    await page.setViewportSize(PHONE);
    await j.step(page, 'cards-360', async () => {
      const card = page.getByTestId('officer-card').first();
      await card.waitFor();
      expect(await page.getByTestId('officers-table').isVisible()).toBe(false);
      const text = (await card.textContent())!;
      expect(text).toContain('Lapor terakhir');
      expect(text).toContain('PML');
      expect(await card.locator('[data-status]').count()).toBe(1);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeSerious(page)).toEqual([]);
    });
    await context.close();
    j.done();
  });
});
