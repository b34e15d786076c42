// Signing in and out over HTTP against the built app: cookie attributes, the same-origin rule
// for cookie writes, lockout and per-IP limits, security headers and error bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';
import { LOGIN_LIMITS } from '@/lib/auth/throttle';
import { startAppServer, type AppServer } from './app-server';

describe('sessions over HTTP', () => {
  let server: AppServer;
  const url = (path: string) => server.baseUrl + path;
  const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
    fetch(url('/api/v1/session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1', ...headers },
      body: JSON.stringify({ username, password }),
    });
  const cookieOf = (response: Response) => response.headers.getSetCookie()[0].split(';')[0];

  beforeAll(async () => {
    server = await startAppServer({ scale: 1 });
  }, 600_000);
  afterAll(() => server?.close());

  it('sets an httpOnly SameSite=Lax cookie, Secure only over https, and returns the session', async () => {
    const plain = await signIn('pimpinan', DEMO_PASSWORD);
    expect(plain.status).toBe(200);
    const cookie = plain.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^pantau\.session_token=[^;]+; Path=\/; Expires=[^;]+; Max-Age=604800; HttpOnly; SameSite=lax$/);
    const body = (await plain.json()) as { token: string; expiresAt: string; user: Record<string, unknown> };
    expect(body.user).toEqual({ username: 'pimpinan', name: 'Kepala BPS Kota Balikpapan', role: 'pimpinan', kodeKota: '6471', areaCode: '6471', officerCode: null });
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const secure = await signIn('pimpinan', DEMO_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(secure.headers.getSetCookie()[0]).toMatch(/; Secure;|; Secure$/);
  });

  it('refuses cookie-authenticated writes without a same-origin Origin, and signs out with one', async () => {
    const cookie = cookieOf(await signIn('camat-balikpapan-kota', DEMO_PASSWORD));
    const del = (headers: Record<string, string>) => fetch(url('/api/v1/session'), { method: 'DELETE', headers: { cookie, ...headers } });
    expect((await del({})).status).toBe(403);
    const foreign = await del({ origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await fetch(url('/api/v1/session'), { headers: { cookie } })).status).toBe(200);
    const same = await del({ origin: server.baseUrl });
    expect(same.status).toBe(204);
    expect(same.headers.getSetCookie()[0]).toMatch(/^pantau\.session_token=; .*Max-Age=0/);
    expect((await fetch(url('/api/v1/session'), { headers: { cookie } })).status).toBe(401);
  });

  it('signs out a Bearer session token without any Origin (no cookie, no CSRF)', async () => {
    const { token } = (await (await signIn('lurah-damai', DEMO_PASSWORD)).json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(url('/api/v1/session'), { headers: auth })).status).toBe(200);
    expect((await fetch(url('/api/v1/session'), { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(url('/api/v1/session'), { headers: auth })).status).toBe(401);
  });

  it('refuses a sign-in posted from another site, and answers wrong passwords in the request’s language', async () => {
    expect((await signIn('pimpinan', DEMO_PASSWORD, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await signIn('pimpinan', DEMO_PASSWORD, { origin: server.baseUrl })).status).toBe(200);
    const wrong = await signIn('pimpinan', 'not-the-password', { 'x-forwarded-for': '192.0.2.2' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'unauthorized', message: 'Nama pengguna atau kata sandi salah.' } });
    const english = await signIn('nobody-at-all', 'x', { 'accept-language': 'en-GB,en', 'x-forwarded-for': '192.0.2.2' });
    expect(await english.json()).toEqual({ error: { code: 'unauthorized', message: 'Wrong username or password.' } });
  });

  it('locks an account after repeated failures and says when to retry', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.20' };
    for (let i = 0; i < LOGIN_LIMITS.lockAfter; i++) expect((await signIn('lurah-prapatan', 'wrong-password', ip)).status).toBe(401);
    const locked = await signIn('lurah-prapatan', DEMO_PASSWORD, ip);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(LOGIN_LIMITS.windowSeconds - 120);
    expect(((await locked.json()) as { error: { code: string; details: unknown } }).error).toMatchObject({ code: 'rate_limited', details: { reason: 'locked' } });
    expect((await signIn('lurah-prapatan', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.21' })).status).toBe(429);
    expect((await signIn('lurah-damai', DEMO_PASSWORD, ip)).status).toBe(200);
  });

  it('limits failed sign-ins per IP across usernames', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.30' };
    for (let i = 0; i < LOGIN_LIMITS.ipLimit; i++) await signIn(`guess-${i}`, 'wrong-password', ip);
    const limited = await signIn('lurah-teritip', DEMO_PASSWORD, ip);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { details: unknown } }).error.details).toEqual({ reason: 'rate_limited' });
    expect((await signIn('lurah-teritip', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.31' })).status).toBe(200);
  });

  it('shows failed and successful sign-ins in the admin’s audit log', async () => {
    const cookie = cookieOf(await signIn('admin', DEMO_PASSWORD));
    const page = await fetch(url('/admin/audit?aksi=login.failure&q=lurah-prapatan'), { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lurah-prapatan');
    expect(html).toContain('198.51.100.20');
    // In words, with times in the campaign's zone: no action codes or raw JSON.
    expect(html).toContain('Masuk gagal lewat API');
    expect(html).toContain('nama pengguna atau kata sandi salah');
    expect(html).toContain('akun dikunci sementara setelah terlalu banyak percobaan');
    expect(html).toContain('Waktu dalam WITA');
    expect(html).not.toContain('{&quot;via&quot;');
  });

  it('sends the security headers on pages and API answers', async () => {
    for (const path of ['/masuk', '/api/v1/areas/6471']) {
      const response = await fetch(url(path), { redirect: 'manual' });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('never puts a stack trace or SQL in an error body', async () => {
    const cookie = cookieOf(await signIn('admin', DEMO_PASSWORD));
    const bodies = await Promise.all([
      fetch(url('/api/v1/session'), { method: 'POST', headers: { 'content-type': 'application/json', origin: server.baseUrl }, body: '{not json' }).then((r) => r.text()),
      fetch(url('/api/v1/areas/not-a-code'), { headers: { cookie } }).then((r) => r.text()),
      fetch(url('/api/v1/areas/6471?asOf=2022-13-45'), { headers: { cookie } }).then((r) => r.text()),
      fetch(url("/api/v1/areas/6471'%20or%201=1--"), { headers: { cookie } }).then((r) => r.text()),
    ]);
    for (const body of bodies) {
      expect(JSON.parse(body)).toHaveProperty('error.code');
      expect(body).not.toMatch(/\bat .+\.(js|ts):\d+|select |insert |from "|syntax error|node_modules/i);
    }
  });
});
