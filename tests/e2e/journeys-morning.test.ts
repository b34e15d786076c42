// Issue #14 §1–§2 as the city head sees it in the morning: one early report for the next day moves
// nobody's default date; that partial day, opened on purpose, says so first; forecasts past the
// window read "melewati 14 Nov (±N hari)", never a date in another year. Screenshots at 360 and
// 1280 px (test-results/journeys/<journey>/), axe at 0 serious or critical.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious } from './axe';
import { launchChromium } from './browser';
import { startIsolatedServer, type IsolatedServer } from './isolated-server';
import { Journey } from './journey';
import { sessionToken, signedInContext } from './sign-in';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };


interface Assigned {
  kodeSubsls: string;
  kodePetugas: string;
  prelist: number;
  last: { tanggal: string; selesai: number; menolak: number; tidakDitemui: number; tidakDitemukan: number; keluargaBaru: number } | null;
}

describe('the morning picture (Chromium)', () => {
  let server: IsolatedServer;
  let browser: Browser;
  let adminToken = '';
  const api = (p: string, init: RequestInit = {}) =>
    fetch(server.baseUrl + p, { ...init, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', ...init.headers } });
  beforeAll(async () => {
    server = await startIsolatedServer();
    browser = await launchChromium();
    adminToken = await sessionToken(server.baseUrl, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('(o) one early report for tomorrow: the default day stays, the partial day says so first, forecasts past the window read as such', async () => {
    const j = new Journey('o-city-head-partial-day');
    const before = (await (await api('/api/v1/areas/6471')).json()) as { asOf: string; status: string; pace7: number; projectedFinish: string | null };
    const next = new Date(Date.parse(`${before.asOf}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

    // One PPL of hundreds reports early for the next day.
    let sent = false;
    for (let n = 1; n <= 20 && !sent; n++) {
      const own = (await (await api(`/api/v1/assignments?petugas=${647110000 + n}`)).json()) as { items?: Assigned[] };
      const a = (own.items ?? []).find((i) => i.last && i.last.tanggal <= before.asOf && i.prelist + i.last.keluargaBaru - i.last.selesai - i.last.menolak - i.last.tidakDitemui - i.last.tidakDitemukan >= 1);
      if (!a || !a.last) continue;
      const l = a.last;
      const report = {
        tanggal: next,
        kodeSubsls: a.kodeSubsls,
        kodePetugas: a.kodePetugas,
        selesai: l.selesai + 1,
        menolak: l.menolak,
        tidakDitemui: l.tidakDitemui,
        tidakDitemukan: l.tidakDitemukan,
        keluargaBaru: l.keluargaBaru,
      };
      const res = await api('/api/v1/reports', { method: 'POST', body: JSON.stringify([report]) });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { accepted: number; rejections: unknown[] }).rejections).toEqual([]);
      sent = true;
    }
    expect(sent).toBe(true);
    const after = (await (await api('/api/v1/areas/6471')).json()) as typeof before & { reporting: { tanggal: string; complete: boolean } };
    expect({ asOf: after.asOf, status: after.status, pace7: after.pace7, projectedFinish: after.projectedFinish }).toEqual({
      asOf: before.asOf,
      status: before.status,
      pace7: before.pace7,
      projectedFinish: before.projectedFinish,
    });
    expect(after.reporting.complete).toBe(true);

    const context = await signedInContext(browser, server.baseUrl, 'pimpinan', DESKTOP);
    const page = await context.newPage();
    await j.step(page, 'default-day-1280', async () => {
      await page.goto(server.baseUrl);
      await page.getByTestId('kpi-prelist').waitFor();
      expect(await page.getByTestId('partial-day').count()).toBe(0);
      expect(new URL(page.url()).searchParams.get('asOf') ?? before.asOf).toBe(before.asOf);
      expect(await axeSerious(page)).toEqual([]);
    });

    await j.step(page, 'partial-day-1280', async () => {
      await page.goto(`${server.baseUrl}/wilayah/6471?asOf=${next}`);
      const banner = page.getByTestId('partial-day');
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/^Hari berjalan: 1 dari [\d.]+ PPL sudah lapor/);
      // Said first: above the status banner and the figure cards.
      const bannerBox = (await banner.boundingBox())!;
      expect(bannerBox.y).toBeLessThan((await page.getByTestId('kpi-prelist').boundingBox())!.y);
      expect(await axeSerious(page)).toEqual([]);
    });

    await page.setViewportSize(PHONE);
    await j.step(page, 'partial-day-360', async () => {
      await page.reload();
      const banner = page.getByTestId('partial-day');
      await banner.waitFor();
      expect((await banner.boundingBox())!.y).toBeLessThan(PHONE.height);
      expect(await axeSerious(page)).toEqual([]);
    });

    // Worst first: some officers' forecasts lie past the window; they read "melewati 14 Nov (±N hari)".
    await page.setViewportSize(DESKTOP);
    await j.step(page, 'forecast-beyond-window-1280', async () => {
      await page.goto(`${server.baseUrl}/petugas`);
      await page.getByTestId('officer-link').first().waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toMatch(/melewati 14 Nov(?: 2022)? \(±\d+ hari\)/);
      // No forecast written as a date in a later year ("26 Jun 2024").
      expect(text).not.toMatch(/\b\d{1,2} [A-Z][a-z]{2} 20(2[3-9]|[3-9]\d)\b/);
      expect(await axeSerious(page)).toEqual([]);
    });
    await context.close();
    j.done();
  });
});
