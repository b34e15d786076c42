import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';
import { LOGIN_LIMITS } from '@/lib/auth/throttle';
import { launchChromium } from './browser';
import { signedInContext } from './sign-in';

const PHONE = { width: 360, height: 780 };

/** Fills and submits the sign-in form, and waits for the server action's answer. */
async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/masuk'),
    page.getByRole('button', { name: 'Masuk', exact: true }).click(),
  ]);
}

describe('signing in and staying inside one’s own area', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('takes a lurah on a phone from the sign-in page to their kelurahan and nowhere else', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await submitLogin(page, 'lurah-manggar-baru', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/wilayah/6471020002`);
    expect(await page.locator('h1').textContent()).toBe('Manggar Baru');
    // Only their own subtree: no breadcrumb up to the kecamatan or city, children are their SLS.
    expect(await page.locator('nav[aria-label="breadcrumb"] a').count()).toBe(0);
    const childLinks = (await page.locator('table a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter((h) => h.startsWith('/wilayah/'));
    expect(childLinks.length).toBeGreaterThan(0);
    expect(childLinks.every((href) => href.startsWith('/wilayah/6471020002'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    for (const other of ['6471020001', '6471020', '6471', '9901020002']) {
      const response = await page.goto(`${baseUrl}/wilayah/${other}`);
      expect(response?.status(), other).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Tidak ditemukan');
    }
    await context.close();
  });

  it('comes back to the page asked for, and signs out from the account menu', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/wilayah/6471030?asOf=2022-10-31`);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/wilayah/6471030?asOf=2022-10-31');
    await submitLogin(page, 'camat-balikpapan-utara', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/wilayah/6471030?asOf=2022-10-31`);
    await page.getByTestId('account-menu').locator('summary').click();
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.waitForURL(`${baseUrl}/masuk`);
    expect((await page.goto(`${baseUrl}/api/v1/session`))?.status()).toBe(401);
    await context.close();
  });

  it('fills the form from the demo list, and says so in English when switched', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/masuk`);
    await page.getByLabel('Cari akun demo').fill('sepinggan baru');
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('link', { name: 'Pakai lurah-sepinggan-baru' }).click();
    await page.waitForURL(/[?&]u=lurah-sepinggan-baru/);
    await expect.poll(() => page.getByLabel('Nama pengguna').inputValue()).toBe('lurah-sepinggan-baru');
    expect(await page.getByLabel('Kata sandi').inputValue()).toBe(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/wilayah\/6471\d{6}$/);
    await context.clearCookies({ name: 'pantau.session_token' });
    await page.goto(`${baseUrl}/masuk`);
    await page.getByRole('button', { name: 'Bahasa' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to Pantau');
    await context.close();
  });

  it('locks an account after repeated wrong passwords, then refuses even the right one', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/masuk`);
    for (let i = 0; i < LOGIN_LIMITS.lockAfter; i++) {
      await submitLogin(page, 'lurah-telaga-sari', `wrong-${i}`);
      await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('Nama pengguna atau kata sandi salah.');
    }
    await submitLogin(page, 'lurah-telaga-sari', DEMO_PASSWORD);
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/^Terlalu banyak percobaan gagal untuk akun ini\. Coba lagi dalam 1[45] menit\.$/);
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await context.close();
  });

  it('lets an admin create an account, issue an API token shown once, and revoke it', async () => {
    const context = await signedInContext(browser, baseUrl, 'admin');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/pengguna`);
    await page.getByText('Tambah pengguna').click();
    const form = page.getByTestId('create-user');
    await form.getByLabel('Nama pengguna').fill('lurah-uji');
    await form.getByLabel('Nama', { exact: true }).fill('Lurah Uji');
    await form.getByLabel('Peran').selectOption('lurah');
    await form.getByLabel('Wilayah / petugas').fill('6471011001');
    await form.getByRole('button', { name: 'Simpan' }).click();
    const password = (await form.getByTestId('one-time-secret').textContent()) ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    const api = await browser.newContext();
    expect((await api.request.post(`${baseUrl}/api/v1/session`, { data: { username: 'lurah-uji', password } })).status()).toBe(200);
    expect((await api.request.get(`${baseUrl}/api/v1/areas/6471011001`)).status()).toBe(200);

    await page.goto(`${baseUrl}/admin/token`);
    const issue = page.getByTestId('issue-token');
    await issue.getByLabel('Nama pengguna').fill('lurah-uji');
    await issue.getByLabel('Keterangan').fill('uji');
    await issue.getByRole('button', { name: 'Buat token' }).click();
    const token = (await issue.getByTestId('one-time-secret').textContent()) ?? '';
    expect(token).toMatch(/^pnt_/);
    const bearer = { headers: { authorization: `Bearer ${token}` } };
    const plain = await browser.newContext();
    expect((await plain.request.get(`${baseUrl}/api/v1/areas/6471011001`, bearer)).status()).toBe(200);
    expect((await plain.request.get(`${baseUrl}/api/v1/areas/6471011002`, bearer)).status()).toBe(404);
    await page.reload();
    expect(await page.locator('tbody').textContent()).not.toContain(token);
    await page.locator('tr', { hasText: 'lurah-uji' }).getByRole('button', { name: 'Cabut' }).click();
    await expect.poll(async () => (await plain.request.get(`${baseUrl}/api/v1/areas/6471011001`, bearer)).status()).toBe(401);
    await Promise.all([api.close(), plain.close(), context.close()]);
  });
});
