// Issue #18 §2 and §3 in Chromium: Bagikan on an area page and on the "belum lapor" list, the
// Ingatkan links, the card as a signed-in download, and /laporan's archive list (scoped); axe
// without a serious or critical violation on each of these screens with its panel open.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { signedInContext } from './sign-in';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } };
    return (await w.axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  for (const v of violations) console.log(`axe ${page.url()}: ${v.id} [${v.impact}] ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('sharing and the daily archive', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('Bagikan on an area page opens the summary, a wa.me link and the card', async () => {
    const context = await signedInContext(browser, baseUrl, 'pimpinan', { width: 360, height: 740 });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/wilayah/6471`);
    await page.locator('[data-testid=area-share] summary').click();
    const text = await page.locator('[data-testid=area-share] textarea').inputValue();
    expect(text).toContain('Kota Balikpapan');
    expect(text).toMatch(/Progres: [\d,]+% \(rencana [\d,]+%\)/);
    expect(text.trim().split('\n').at(-1)).toContain('/wilayah/6471');
    const wa = await page.locator('[data-testid=area-share] a[href^="https://wa.me/?text="]').getAttribute('href');
    expect(decodeURIComponent(wa!.split('text=')[1])).toBe(text);
    const card = await context.request.get(`${baseUrl}/api/v1/areas/6471/card.png`);
    expect(card.status()).toBe(200);
    expect([...(await card.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('the belum-lapor list has Bagikan and an Ingatkan link per PPL with a phone', async () => {
    const context = await signedInContext(browser, baseUrl, 'pimpinan');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/petugas?tab=belum-lapor`);
    await page.locator('[data-testid=silent-share] summary').click();
    expect(await page.locator('[data-testid=silent-share] textarea').inputValue()).toMatch(/PPL belum mengirim laporan/);
    const remind = page.locator('[data-testid=remind-officer]').first();
    const href = await remind.getAttribute('href');
    expect(href).toMatch(/^https:\/\/wa\.me\/62\d{8,}\?text=Selamat%20pagi/);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("a lurah's card of another kelurahan is 404", async () => {
    const context = await signedInContext(browser, baseUrl, 'lurah-manggar-baru');
    const own = await context.request.get(`${baseUrl}/api/v1/areas/6471020002/card.png`);
    const other = await context.request.get(`${baseUrl}/api/v1/areas/6471010007/card.png`);
    expect([own.status(), other.status()]).toEqual([200, 404]);
    await context.close();
  });

  it('/laporan lists the archive in the viewer scope, with the admin button', async () => {
    const context = await signedInContext(browser, baseUrl, 'admin');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/laporan`);
    await page.locator('[data-testid=archive-section]').waitFor();
    expect(await page.locator('[data-testid=archive-make]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('the admin button makes the archive of a past day, listed once it is written', async () => {
    const context = await signedInContext(browser, baseUrl, 'admin');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/laporan`);
    await page.locator('[data-testid=archive-make] input[name=date]').fill('2022-10-20');
    await page.locator('[data-testid=archive-make] button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=archive-make] [role=status]').textContent(), { timeout: 30_000 }).toContain('2022-10-20');
    // The job runs in the background (about a minute on a quiet machine): the day is listed once it is done.
    await expect
      .poll(async () => (await (await context.request.get(`${baseUrl}/laporan`)).text()).includes('data-date="2022-10-20"'), { timeout: 300_000, interval: 5_000 })
      .toBe(true);
    expect((await context.request.get(`${baseUrl}/api/v1/archive/2022-10-20/6471.pdf`)).status()).toBe(200);
    await page.goto(`${baseUrl}/laporan`);
    expect(await page.locator('[data-testid=archive-day][data-date="2022-10-20"] a').count()).toBe(82);
    await context.close();
  }, 360_000);

  it('a lurah sees only their kelurahan in the archive', async () => {
    const lurah = await signedInContext(browser, baseUrl, 'lurah-manggar-baru');
    const lp = await lurah.newPage();
    await lp.goto(`${baseUrl}/laporan`);
    await lp.locator('[data-testid=archive-section]').waitFor();
    expect(await lp.locator('[data-testid=archive-make]').count()).toBe(0);
    const links = await lp.locator('[data-testid=archive-list] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // The server wrote the latest complete day at start (PANTAU_ARCHIVE=1 there); without it the list is empty.
    expect(links.every((h) => /\/6471020002\.(pdf|png)$/.test(h ?? ''))).toBe(true);
    if (links.length > 0) {
      const file = await lurah.request.get(baseUrl + links[0]!);
      expect(file.status()).toBe(200);
      const foreign = await lurah.request.get(baseUrl + links[0]!.replace('6471020002', '6471010007'));
      expect(foreign.status()).toBe(404);
    }
    await lurah.close();
  });
});
