import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { startIsolatedServer, type IsolatedServer } from './isolated-server';
import { sessionToken, signedInContext } from './sign-in';

const AREAS_WITH_ERRORS = [
  'Kode Wilayah;Nama Wilayah;Prelist',
  '6471020002090100;RT 901;120',
  '6,47102E+15;RT 902;80',
  '6471020002090300;RT 903;8o',
].join('\r\n');

async function upload(page: Page, name: string, text: string, how: 'drop' | 'input') {
  if (how === 'input') {
    await page.setInputFiles('[data-testid=file-input]', { name, mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + text) });
  } else {
    const dataTransfer = await page.evaluateHandle(
      ([fileName, content]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([content], fileName, { type: 'text/csv' }));
        return dt;
      },
      [name, text] as const,
    );
    await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer });
  }
  await page.getByTestId('import-result').getByText(name).waitFor();
}

const count = (page: Page, key: string) => page.getByTestId(`count-${key}`).textContent();

describe('an operator loads master data and reports from spreadsheet files on /impor', () => {
  let server: IsolatedServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** API calls from the test itself carry the admin's session token (cookie writes need our Origin). */
  let api: (path: string, init?: RequestInit) => Promise<Response>;

  beforeAll(async () => {
    server = await startIsolatedServer();
    browser = await launchChromium();
    context = await signedInContext(browser, server.baseUrl, 'admin', { width: 1280, height: 900 }, { acceptDownloads: true });
    page = await context.newPage();
    const token = await sessionToken(server.baseUrl, 'admin');
    api = (path, init = {}) => fetch(server.baseUrl + path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the rejected rows of a file with errors and keeps the valid ones', async () => {
    await page.goto(`${server.baseUrl}/impor`);
    await page.getByTestId('kind-select').selectOption('areas');
    await upload(page, 'wilayah-baru.csv', AREAS_WITH_ERRORS, 'drop');
    expect(await count(page, 'accepted')).toBe('1');
    expect(await count(page, 'rejected')).toBe('2');
    const table = page.getByTestId('rejections-table');
    expect(await table.textContent()).toContain('notasi ilmiah');
    expect(await table.textContent()).toContain('bilangan bulat');
  });

  it('downloads the rejected rows, takes them back fixed, and the dashboard target moves', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejections').click()]);
    const rejected = readFileSync((await download.path())!, 'utf8');
    expect(rejected.split('\r\n')[0]).toBe('\ufeffkode_wilayah,nama_wilayah,prelist,kode_kemendagri,tanggal_mulai,tanggal_selesai,hari_tenggang,zona_waktu,nama_kegiatan,baris_asal,alasan_penolakan');
    const fixed = rejected.replace('6,47102E+15', '6471020002090200').replace(',8o,', ',80,');
    const file = path.join(tmpdir(), `pantau-fixed-${Date.now()}.csv`);
    writeFileSync(file, fixed);
    await page.getByTestId('kind-select').selectOption('');
    await page.setInputFiles('[data-testid=file-input]', file);
    await page.getByTestId('import-result').getByText(path.basename(file)).waitFor();
    expect(await count(page, 'accepted')).toBe('2');
    expect(await count(page, 'rejected')).toBe('0');

    await page.goto(`${server.baseUrl}/wilayah/6471`);
    await expect.poll(() => page.getByTestId('kpi-prelist').textContent()).toBe('240.280');
  });

  it('assigns the new sub-SLS, takes a day of reports for them and moves the city figures', async () => {
    const before = await (await api('/api/v1/areas/6471?asOf=2022-11-03')).json();
    await page.goto(`${server.baseUrl}/impor`);
    await upload(page, 'penugasan.csv', 'kode_subsls,kode_petugas\n6471020002090100,647110323\n6471020002090200,647110323\n6471020002090300,647110323\n', 'input');
    expect(await count(page, 'accepted')).toBe('3');
    const reports = [
      'tanggal;kode_subsls;kode_petugas;selesai;menolak;tidak_ditemui;tidak_ditemukan;keluarga_baru',
      '03/11/2022;6471020002090100;647110323;40;1;2;1;0',
      '03/11/2022;6471020002090200;647110323;25;0;0;0;1',
    ].join('\r\n');
    await upload(page, 'laporan-3-nov.csv', reports, 'input');
    expect(await count(page, 'accepted')).toBe('2');
    const after = await (await api('/api/v1/areas/6471?asOf=2022-11-03')).json();
    expect(after.selesai - before.selesai).toBe(65);
    expect(await page.getByTestId('import-history').textContent()).toContain('laporan-3-nov.csv');
  });

  it('moves an open dashboard within 5 seconds of an import made elsewhere, without reloading', async () => {
    const dashboard = await context.newPage();
    await dashboard.goto(`${server.baseUrl}/wilayah/6471`);
    await expect.poll(() => dashboard.getByTestId('kpi-prelist').textContent()).toBe('240.280');
    await dashboard.waitForTimeout(3000); // the live hook has read the current data version
    const form = new FormData();
    form.append('kind', 'areas');
    form.append('file', new Blob(['kode_wilayah,nama_wilayah,prelist\n6471020002090400,RT 904,50\n']), 'rt-904.csv');
    const res = await api('/api/v1/imports', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const started = Date.now();
    await expect.poll(() => dashboard.getByTestId('kpi-prelist').textContent(), { timeout: 5000, interval: 200 }).toBe('240.330');
    expect(Date.now() - started).toBeLessThan(5000);
    await page.goto(`${server.baseUrl}/impor`);
    await page.getByTestId('import-history').getByText('rt-904.csv').waitFor();
    await dashboard.close();
  });

  it('refuses a file with unknown columns with one message before any row, and offers templates', async () => {
    await page.setInputFiles('[data-testid=file-input]', { name: 'salah.csv', mimeType: 'text/csv', buffer: Buffer.from('tanggal,kode_subsls,petugas_id\n2022-11-03,6471020002000100,x\n') });
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toMatch(/^Judul kolom tidak sesuai|^Jenis data tidak dapat dikenali/);
    const template = await api('/api/v1/imports/templates/reports.xlsx');
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    expect(template.headers.get('content-disposition')).toContain('templat-laporan-harian.xlsx');
  });

  it('answers oversized and malformed requests with 413 and 400, never a 5xx', async () => {
    const big = new FormData();
    big.append('file', new Blob([new Uint8Array(21 * 1024 * 1024)]), 'besar.csv');
    expect((await api('/api/v1/imports', { method: 'POST', body: big })).status).toBe(413);
    const many = Array.from({ length: 5001 }, () => ({}));
    const tooMany = await api('/api/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(many) });
    expect(tooMany.status).toBe(413);
    const broken = await api('/api/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: '[{' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toBe('The request body is not valid JSON.');
    const notMultipart = await api('/api/v1/imports', { method: 'POST', body: 'x' });
    expect((await fetch(`${server.baseUrl}/api/v1/imports`, { method: 'POST', body: 'x' })).status).toBe(401);
    expect(notMultipart.status).toBe(400);
  });

  it('reads well on a 360 px phone', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 780 });
    await phone.goto(`${server.baseUrl}/impor`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
