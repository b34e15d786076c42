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
  { path: '/admin/pengguna', user: 'admin', ready: 'h1' },
  { path: '/admin/token', user: 'admin', ready: '[data-testid=issue-token]' },
  { path: '/admin/audit', user: 'admin', ready: '[data-testid=audit-list]' },
];
const WIDTHS = [360, 1280];

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
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
    const key = user ?? '';
    let context = contexts.get(key);
    if (!context) {
      const viewport = { width: 1280, height: 900 };
      context = user ? await signedInContext(browser, baseUrl, user, viewport) : await browser.newContext({ viewport });
      contexts.set(key, context);
    }
    const page = await context.newPage();
    await page.setViewportSize({ width, height: width < 400 ? 740 : 900 });
    return page;
  }

  const serious: string[] = [];
  afterAll(() => {
    console.log(`axe: ${PAGES.length} pages × ${WIDTHS.length} widths, ${serious.length} serious or critical violations`);
  });

  // Each page is loaded once at 360 px (phone first), audited, widened to 1280 px (the layout
  // follows the width; charts and map resize) and audited again.
  it.each(PAGES)('has no serious or critical axe violation on $path at 360 and 1280 px', async ({ path, user, ready }) => {
    const started = Date.now();
    const page = await pageAs(user, WIDTHS[0]);
    const response = await page.goto(baseUrl + path);
    expect(response?.status(), path).toBe(200);
    const bad: string[] = [];
    for (const width of WIDTHS) {
      if (width !== WIDTHS[0]) {
        await page.setViewportSize({ width, height: width < 400 ? 740 : 900 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      if (ready) await page.locator(ready).first().waitFor({ state: 'attached', timeout: 30_000 });
      const violations = await axe(page);
      console.log(`axe ${width}px ${path} (${user ?? 'signed out'}): ${violations.length === 0 ? 'no violations' : violations.map((v) => `${v.id} [${v.impact}] ×${v.nodes.length}`).join(', ')}`);
      for (const v of violations) {
        for (const n of v.nodes.slice(0, 3)) console.log(`    ${v.id}: ${v.help} — ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join(' ').trim()}` : ''}`);
      }
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        bad.push(`${path} @${width}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
    }
    console.log(`axe ${path}: audited at ${WIDTHS.join(' and ')} px in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    serious.push(...bad);
    await page.close();
    expect(bad).toEqual([]);
  });

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
