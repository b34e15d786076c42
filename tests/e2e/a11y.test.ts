// Issue #10 part 5: axe-core on every main page at 360 and 1280 px, signed in with a role that
// can see it (no serious or critical violation; every violation printed anyway), and the
// tables and the map used by keyboard alone.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { signedInContext } from './sign-in';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const POLYGONS = '.leaflet-overlay-pane path';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Who can see each main page (null: signed out), and what shows the page is ready. */
const PAGES: Array<{ path: string; user: string | null; ready?: string }> = [
  { path: '/', user: 'pimpinan', ready: '[data-testid=chart-progress] svg.recharts-surface' },
  { path: '/wilayah/6471', user: 'pimpinan', ready: '[data-testid=chart-progress] svg.recharts-surface' },
  { path: '/wilayah/6471020', user: 'pimpinan', ready: '[data-testid=chart-progress] svg.recharts-surface' },
  { path: '/wilayah/6471020002', user: 'pimpinan', ready: '[data-testid=chart-progress] svg.recharts-surface' },
  { path: '/wilayah/64710200020004', user: 'pimpinan', ready: '[data-testid=chart-progress] svg.recharts-surface' },
  { path: '/peta', user: 'pimpinan', ready: POLYGONS },
  { path: '/petugas', user: 'pimpinan', ready: '[data-testid=officer-row]' },
  { path: '/petugas/647110324', user: 'pimpinan', ready: '[data-testid=subsls-table]' },
  { path: '/laporan', user: 'pimpinan', ready: '[data-testid=report-download]' },
  { path: '/impor', user: 'admin', ready: '[data-testid=dropzone]' },
  { path: '/lapor', user: 'ppl-647110324', ready: '[data-testid^=card-]' },
  { path: '/cari?q=manggar', user: 'pimpinan', ready: '[data-testid=search-results]' },
  { path: '/glosarium', user: 'pimpinan', ready: 'dl' },
  { path: '/masuk', user: null, ready: 'form' },
  { path: '/admin/pengguna', user: 'admin', ready: 'table' },
  { path: '/admin/token', user: 'admin', ready: '[data-testid=issue-token]' },
  { path: '/admin/audit', user: 'admin', ready: 'table' },
];
const WIDTHS = [360, 1280];

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

describe('accessibility', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  const contexts = new Map<string, BrowserContext>();
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  async function pageAs(user: string | null, width: number): Promise<Page> {
    const key = `${user}:${width}`;
    let context = contexts.get(key);
    if (!context) {
      const viewport = { width, height: width < 400 ? 740 : 900 };
      context = user ? await signedInContext(browser, baseUrl, user, viewport) : await browser.newContext({ viewport });
      contexts.set(key, context);
    }
    return context.newPage();
  }

  it.each(WIDTHS)('has no serious or critical axe violation on any main page at %i px', async (width) => {
    const serious: string[] = [];
    for (const { path, user, ready } of PAGES) {
      const started = Date.now();
      const page = await pageAs(user, width);
      const response = await page.goto(baseUrl + path);
      expect(response?.status(), path).toBe(200);
      if (ready) await page.locator(ready).first().waitFor({ state: 'attached', timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const violations = await axe(page);
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      console.log(`axe ${width}px ${path} (${user ?? 'signed out'}, ${((Date.now() - started) / 1000).toFixed(1)} s): ${violations.length === 0 ? 'no violations' : violations.map((v) => `${v.id} [${v.impact}] ×${v.nodes.length}`).join(', ')}`);
      for (const v of violations) {
        for (const n of v.nodes.slice(0, 3)) console.log(`    ${v.id}: ${v.help} — ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join(' ').trim()}` : ''}`);
      }
      serious.push(...bad.map((v) => `${path} @${width}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
      await page.close();
    }
    expect(serious).toEqual([]);
  }, 300_000);

  it('sorts the area table and opens a row by keyboard alone', async () => {
    const page = await pageAs('pimpinan', 1280);
    await page.goto(`${baseUrl}/wilayah/6471`);
    await page.locator('[data-testid=children] tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    // Tab from the top of the page until a sortable header of the table has the focus.
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { inHead: !!el?.closest('[data-testid=children] thead'), inBody: !!el?.closest('[data-testid=children] tbody'), tag: el?.tagName, text: el?.textContent?.trim() ?? '', href: el?.getAttribute('href') ?? null };
    });
    let tabs = 0;
    while (!(await focused()).inHead && tabs++ < 120) await page.keyboard.press('Tab');
    const header = await focused();
    expect(header.inHead, 'Tab reaches a sortable header').toBe(true);
    expect(header.tag).toBe('BUTTON');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=children] thead th[aria-sort]').count()).toBe(1);
    const sortedName = await page.locator('[data-testid=children] thead th[aria-sort]').textContent();
    expect(header.text).toContain(sortedName!.replace(/[▲▼]/g, '').trim().slice(0, 4));
    while (!(await focused()).inBody && tabs++ < 200) await page.keyboard.press('Tab');
    const link = await focused();
    expect(link.inBody, 'Tab reaches a row link').toBe(true);
    expect(link.href).toMatch(/^\/wilayah\/6471\d{3}\?asOf=/);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === link.href!.split('?')[0]);
    console.log(`keyboard: area table sorted by "${sortedName?.trim()}" and row ${link.href} opened (${tabs} Tab presses)`);
    await page.close();
  });

  it('sorts the officer table by keyboard and opens an officer', async () => {
    const page = await pageAs('pimpinan', 1280);
    await page.goto(`${baseUrl}/petugas`);
    await page.getByTestId('officer-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    const sortButton = page.getByRole('button', { name: 'Urutkan menurut Hari tanpa lapor' });
    await sortButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('daysSilent');
    const first = page.getByTestId('officer-link').first();
    await first.focus();
    const name = await first.textContent();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/petugas\/\d+/);
    expect(await page.getByTestId('officer-name').textContent()).toBe(name);
    await page.close();
  });

  it('gives the map its table equivalent, reached and used by keyboard', async () => {
    const page = await pageAs('pimpinan', 1280);
    await page.goto(`${baseUrl}/peta?area=6471`);
    await expect.poll(() => page.locator(POLYGONS).count(), { timeout: 20_000 }).toBe(34);
    // The same areas, in a table with the same class colours.
    const polygons = await page.locator(POLYGONS).evaluateAll((ps) => ps.map((p) => [...p.classList].find((c) => c.startsWith('area-'))!.slice(5)).sort());
    const rows = await page.locator('[data-testid=map-table] tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.code!).sort());
    expect(rows).toEqual(polygons);
    expect(await page.locator('[data-testid=map-table] caption').textContent()).not.toBe('');
    // Keyboard path: the metric select, then Tab on to the table's links; Enter opens the area.
    await page.getByTestId('map-metric').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).not.toBe(null);
    let tabs = 0;
    const inTable = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=map-table] tbody'));
    while (!(await inTable()) && tabs++ < 150) await page.keyboard.press('Tab');
    expect(await inTable(), 'Tab reaches the map table').toBe(true);
    const href = await page.evaluate(() => document.activeElement!.getAttribute('href'));
    const code = await page.evaluate(() => (document.activeElement!.closest('tr') as HTMLElement).dataset.code);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('area') === code || u.pathname === href?.split('?')[0]);
    console.log(`keyboard: map table reached after ${tabs} Tab presses from the metric select, ${code} opened`);
    await page.close();
  });
});
