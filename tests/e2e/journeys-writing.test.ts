// Issue #10 part 4: the journeys that write, on their own freshly seeded server (the shared one
// keeps the demo figures other suites assert). Each step asserted and screenshotted.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { startIsolatedServer, type IsolatedServer } from './isolated-server';
import { idNumber, Journey, pageOverflow } from './journey';
import { sessionToken, signedInContext } from './sign-in';

const PHONE = { width: 360, height: 740 };

interface Assigned {
  kodeSubsls: string;
  name: string;
  kodePetugas: string;
  prelist: number;
  last: { tanggal: string; selesai: number; menolak: number; tidakDitemui: number; tidakDitemukan: number; keluargaBaru: number } | null;
}

describe('user journeys in Chromium (writing)', () => {
  let server: IsolatedServer;
  let browser: Browser;
  let adminToken = '';
  const api = (p: string) => fetch(server.baseUrl + p, { headers: { authorization: `Bearer ${adminToken}` } });
  beforeAll(async () => {
    server = await startIsolatedServer();
    browser = await launchChromium();
    adminToken = await sessionToken(server.baseUrl, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('(e) a PPL submits the day’s form on a phone and sees it reflected', async () => {
    const j = new Journey('e-ppl-submits-form');
    const PPL = '647110324';
    const SUB = '6471020002000400';
    const context = await signedInContext(browser, server.baseUrl, `ppl-${PPL}`, PHONE, { hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const row = () => page.locator('[data-testid=subsls-table] tbody tr', { has: page.locator(`a[href^="/wilayah/${SUB}"]`) });
    let before = 0;

    await j.step(page, 'own-page', async () => {
      await page.goto(server.baseUrl);
      expect(new URL(page.url()).pathname).toBe(`/petugas/${PPL}`);
      before = idNumber(await row().locator('td').nth(2).textContent());
      expect(before).toBe(22);
    });

    await j.step(page, 'form-prefilled', async () => {
      await page.goto(`${server.baseUrl}/lapor`);
      await page.getByTestId(`card-${SUB}`).waitFor();
      expect(await page.locator(`#f-${SUB}-selesai`).inputValue()).toBe(String(before));
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });

    await j.step(page, 'counts-entered', async () => {
      const card = page.getByTestId(`card-${SUB}`);
      for (let i = 0; i < 3; i++) await card.getByRole('button', { name: 'Selesai +1' }).tap();
      expect(await page.locator(`#f-${SUB}-selesai`).inputValue()).toBe(String(before + 3));
      expect(await page.getByTestId('lapor-submit').isDisabled()).toBe(false);
    });

    await j.step(page, 'sent', async () => {
      await page.getByTestId('lapor-submit').tap();
      // The write rebuilds the kota's rollups: give a loaded CI machine time.
      await expect.poll(() => page.getByTestId('lapor-status').textContent(), { timeout: 30_000 }).toMatch(/^Terkirim: 0 laporan baru, 1 laporan diperbarui/);
    });

    await j.step(page, 'reflected-on-own-page', async () => {
      await page.goto(`${server.baseUrl}/petugas/${PPL}`);
      expect(idNumber(await row().locator('td').nth(2).textContent())).toBe(before + 3);
    });

    await j.step(page, 'reflected-on-area-page', async () => {
      await row().locator('a').first().tap();
      await page.waitForURL(new RegExp(`/wilayah/${SUB}`));
      expect(await page.getByTestId('kpi-selesai').textContent()).toBe(String(before + 3));
    });
    await context.close();
    j.done();
  });

  it('(f) an admin imports a file with errors, downloads the rejected rows, fixes and re-uploads them', async () => {
    const j = new Journey('f-admin-import-fix');
    // Three sub-SLS with reports before 3 Nov and room for a few more families (any will do).
    const zero = { tanggal: '2022-10-15', selesai: 0, menolak: 0, tidakDitemui: 0, tidakDitemukan: 0, keluargaBaru: 0 };
    const room = (i: Assigned) => {
      const l = i.last ?? zero;
      return i.prelist + l.keluargaBaru - l.selesai - l.menolak - l.tidakDitemui - l.tidakDitemukan;
    };
    const picked: Assigned[] = [];
    for (let n = 1; n <= 20 && picked.length < 3; n++) {
      const own = (await (await api(`/api/v1/assignments?petugas=${647110000 + n}`)).json()) as { items?: Assigned[] };
      picked.push(...(own.items ?? []).filter((i) => i.last && i.last.tanggal < '2022-11-03' && room(i) >= 5).slice(0, 3 - picked.length));
    }
    const [a, b, c] = picked;
    expect(c, 'three sub-SLS with room to report').toBeDefined();
    const line = (s: Assigned, selesai: string | number) => ['03/11/2022', s.kodeSubsls, s.kodePetugas, selesai, s.last!.menolak, s.last!.tidakDitemui, s.last!.tidakDitemukan, s.last!.keluargaBaru].join(';');
    const file = [
      'tanggal;kode_subsls;kode_petugas;selesai;menolak;tidak_ditemui;tidak_ditemukan;keluarga_baru',
      line(a, a.last!.selesai + 4),
      line(b, 'lima'),
      line(c, c.prelist + 10_000),
    ].join('\r\n');

    const context = await signedInContext(browser, server.baseUrl, 'admin', { width: 1280, height: 900 }, { acceptDownloads: true });
    const page = await context.newPage();

    await j.step(page, 'impor-page', async () => {
      await page.goto(`${server.baseUrl}/impor`);
      await page.getByTestId('dropzone').waitFor();
      expect(await page.locator('h1').textContent()).toBeTruthy();
    });

    await j.step(page, 'file-with-errors', async () => {
      await page.getByTestId('kind-select').selectOption('reports');
      await page.setInputFiles('[data-testid=file-input]', { name: 'laporan-3-nov.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
      await page.getByTestId('import-result').getByText('laporan-3-nov.csv').waitFor();
      expect(await page.getByTestId('count-accepted').textContent()).toBe('1');
      expect(await page.getByTestId('count-rejected').textContent()).toBe('2');
      const table = (await page.getByTestId('rejections-table').textContent()) ?? '';
      // Which row, which field, why: row 3 (the header is row 1) is not a number, row 4 too many families.
      expect(table).toContain('selesai harus bilangan bulat (tertulis: lima)');
      expect(table).toContain(`melebihi prelist + keluarga baru (${c.prelist + c.last!.keluargaBaru})`);
      expect(await page.getByTestId('rejections-table').locator('tbody tr').count()).toBe(2);
    });

    let fixedPath = '';
    await j.step(page, 'rejected-rows-downloaded', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejections').click()]);
      const rejected = readFileSync((await download.path())!, 'utf8');
      const lines = rejected.replace(/^\ufeff/, '').split(/\r?\n/).filter(Boolean);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/alasan_penolakan$/);
      // Fix the two rows in the file itself, as the operator would in a spreadsheet.
      const fixed = lines.map((l) => (l.includes(b.kodeSubsls) ? l.replace('lima', String(b.last!.selesai + 2)) : l.includes(c.kodeSubsls) ? l.replace(String(c.prelist + 10_000), String(c.last!.selesai + 1)) : l));
      fixedPath = path.join(tmpdir(), `pantau-journey-fixed-${Date.now()}.csv`);
      writeFileSync(fixedPath, fixed.join('\r\n'));
    });

    await j.step(page, 'fixed-file-accepted', async () => {
      await page.setInputFiles('[data-testid=file-input]', fixedPath);
      await page.getByTestId('import-result').getByText(path.basename(fixedPath)).waitFor();
      expect(await page.getByTestId('count-accepted').textContent()).toBe('2');
      expect(await page.getByTestId('count-rejected').textContent()).toBe('0');
      expect(await page.getByTestId('import-history').textContent()).toContain('laporan-3-nov.csv');
    });

    await j.step(page, 'dashboard-moved', async () => {
      await page.goto(`${server.baseUrl}/wilayah/${b.kodeSubsls}?asOf=2022-11-03`);
      expect(await page.getByTestId('kpi-selesai').textContent()).toBe((b.last!.selesai + 2).toLocaleString('id-ID'));
      await page.goto(`${server.baseUrl}/wilayah/${a.kodeSubsls}?asOf=2022-11-03`);
      expect(await page.getByTestId('kpi-selesai').textContent()).toBe((a.last!.selesai + 4).toLocaleString('id-ID'));
    });
    await context.close();
    j.done();
  });
});
