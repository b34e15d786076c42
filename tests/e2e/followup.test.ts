// Issue #17: a lurah on a 360 px phone opens "Tindak lanjut penolakan", records a follow-up,
// and finds it on the kelurahan page and in the kelurahan's PDF report. On its own server: it writes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { startIsolatedServer, type IsolatedServer } from './isolated-server';
import { Journey, pageOverflow } from './journey';
import { signedInContext } from './sign-in';

const PHONE = { width: 360, height: 740 };
const KEL = '6471020002';
const NOTE = 'Didampingi ketua RT, satu keluarga bersedia sore ini.';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} ×${v.nodes.length}`);
  });
}

const pdfText = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pantau-e2e-followup-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('refusal follow-up journey in Chromium', () => {
  let server: IsolatedServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startIsolatedServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a lurah records a follow-up on a phone and sees it on the kelurahan page and in the PDF', async () => {
    const j = new Journey('f-lurah-follows-up-refusals');
    const context = await signedInContext(browser, server.baseUrl, 'lurah-manggar-baru', PHONE, { hasTouch: true, isMobile: true });
    const page = await context.newPage();
    let sls = '';

    await j.step(page, 'list', async () => {
      await page.goto(server.baseUrl + '/');
      await page.goto(`${server.baseUrl}/tindak-lanjut/${KEL}`);
      await page.getByRole('heading', { level: 1, name: /Tindak lanjut penolakan/ }).waitFor();
      expect(await page.getByTestId('converted-week').textContent()).toMatch(/penolakan berhasil dikonversi minggu ini|Belum ada penolakan/);
      const cards = page.getByTestId('refusal-list').last().locator('li');
      expect(await cards.count()).toBeGreaterThan(0);
      sls = (await page.locator('select[name=kodeSls]').inputValue()) ?? '';
      expect(sls).toMatch(new RegExp(`^${KEL}\\d{4}$`));
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    });

    await j.step(page, 'form-filled', async () => {
      await page.getByLabel('Ketua RT').check();
      await page.getByLabel('Keluarga dikunjungi').fill('2');
      await page.getByLabel('Bersedia didata').fill('1');
      await page.getByLabel('Masih menolak').fill('1');
      await page.getByLabel(/Catatan singkat/).fill(NOTE);
      await expect.poll(() => page.getByText(/Jangan tulis nama, alamat, atau NIK/).isVisible()).toBe(true);
      await page.getByLabel(/Catatan singkat/).scrollIntoViewIfNeeded();
    });

    await j.step(page, 'saved', async () => {
      await page.getByRole('button', { name: 'Simpan' }).tap();
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Tersimpan \(versi 1\)/);
    });

    await j.step(page, 'on-kelurahan-page', async () => {
      await page.goto(`${server.baseUrl}/wilayah/${KEL}`);
      const log = page.getByTestId('followup-log');
      await log.waitFor({ timeout: 30_000 });
      await log.getByText(NOTE).scrollIntoViewIfNeeded();
      expect(await log.textContent()).toContain(`${sls.slice(10)} · Staf kelurahan, Ketua RT: 2 dikunjungi, 1 bersedia, 1 masih menolak`);
      expect(await page.getByText(/Tindak lanjut minggu ini: \d+ kunjungan, \d+ keluarga bersedia/).first().isVisible()).toBe(true);
    });

    await j.step(page, 'in-pdf', async () => {
      const response = await context.request.get(`${server.baseUrl}/api/v1/exports/${KEL}.pdf`);
      expect(response.headers()['content-type']).toBe('application/pdf');
      const text = pdfText(Buffer.from(await response.body()));
      const week = text.match(/Tindak lanjut minggu ini: (\d+) kunjungan, (\d+) keluarga bersedia/);
      expect(week).not.toBeNull();
      expect(Number(week![1])).toBeGreaterThanOrEqual(1);
      expect(text).toContain(NOTE.slice(0, 30));
      const list = pdfText(Buffer.from(await (await context.request.get(`${server.baseUrl}/api/v1/areas/${KEL}/refusals?format=pdf`)).body()));
      expect(list).toContain('Tindak lanjut penolakan — Manggar Baru');
      await page.goto(`${server.baseUrl}/tindak-lanjut/${KEL}`);
      expect(await page.getByTestId('refusal-list').last().textContent()).toMatch(/Tindak lanjut terakhir: \d+ \w+ 2022/);
    });
    j.done();
  });
});
