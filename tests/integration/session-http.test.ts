// Signing in and out over HTTP against the built app: cookie attributes, the same-origin rule
// for cookie writes, one credential per request, lockout (also under concurrent guesses) and
// per-IP limits, where a sign-in may send you back to, security headers and error bodies.
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

  it('authenticates a request with an Authorization header by it alone: Basic + cookie + foreign Origin writes nothing', async () => {
    const admin = await signIn('admin', DEMO_PASSWORD);
    const cookie = cookieOf(admin);
    const { token } = (await admin.json()) as { token: string };
    const batch = JSON.stringify([{ kodeSubsls: '6471020002000100', selesai: -1 }]);
    const post = (headers: Record<string, string>) =>
      fetch(url('/api/v1/reports'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: batch });
    const basic = await post({ cookie, authorization: `Basic ${Buffer.from('proxy:secret').toString('base64')}`, origin: 'https://evil.example' });
    expect(basic.status).toBe(401);
    expect((await post({ cookie, authorization: 'Basic', origin: server.baseUrl })).status).toBe(401);
    expect((await post({ cookie, origin: 'https://evil.example' })).status).toBe(403);
    const bearer = await post({ authorization: `Bearer ${token}`, origin: 'https://evil.example' });
    expect(bearer.status).toBe(200);
    const { importId } = (await bearer.json()) as { importId: number };
    // Only the Bearer batch reached the handler: one report.submit in the audit log, its own.
    const audit = await (await fetch(url('/admin/audit?aksi=report.submit'), { headers: { cookie } })).text();
    expect([...new Set([...audit.matchAll(/import:(\d+)/g)].map((m) => Number(m[1])))]).toEqual([importId]);
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

  it('verifies at most lockAfter of 32 guesses sent at once, then refuses the right password too', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.25' };
    const statuses = await Promise.all(Array.from({ length: 32 }, (_, i) => signIn('lurah-sepinggan', `wrong-password-${i}`, ip).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.lockAfter);
    expect(statuses.filter((s) => s === 429)).toHaveLength(32 - LOGIN_LIMITS.lockAfter);
    expect((await signIn('lurah-sepinggan', DEMO_PASSWORD, ip)).status).toBe(429);
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
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('runs page scripts by a fresh per-request nonce, never by unsafe-inline', async () => {
    const cookie = cookieOf(await signIn('pimpinan', DEMO_PASSWORD));
    const nonces: string[] = [];
    for (const [path, headers] of [['/masuk', {}], ['/masuk', {}], ['/wilayah/6471', { cookie }]] as const) {
      const response = await fetch(url(path), { headers });
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{24})'(?: [^;]*)?(;|$)/.exec(csp)?.[1];
      expect(nonce, csp).toBeDefined();
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('over https (as a trusted proxy says): HSTS and the __Host- session cookie, read only under that name', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const response = await signIn('lurah-damai-baru', DEMO_PASSWORD, https);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const setCookie = response.headers.getSetCookie()[0];
    expect(setCookie).toMatch(/^__Host-pantau\.session_token=[^;]+; Path=\/; /);
    expect(setCookie.split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=lax']));
    expect(setCookie).not.toMatch(/Domain=/i);
    const hostCookie = setCookie.split(';')[0];
    expect((await fetch(url('/api/v1/session'), { headers: { cookie: hostCookie, ...https } })).status).toBe(200);
    expect((await fetch(url('/api/v1/session'), { headers: { cookie: hostCookie.replace('__Host-', ''), ...https } })).status).toBe(401);
    expect((await fetch(url('/api/v1/session'), { headers: { cookie: hostCookie } })).status).toBe(401);
    const page = await fetch(url('/masuk'), { headers: https });
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('marks every authenticated JSON answer private, no-store', async () => {
    const cookie = cookieOf(await signIn('camat-balikpapan-tengah', DEMO_PASSWORD));
    for (const path of ['/api/v1/session', '/api/v1/areas/6471040', '/api/v1/areas/6471040/children', '/api/v1/areas/6471040/daily', '/api/v1/areas/6471040/geo', '/api/v1/officers?area=6471040', '/api/v1/areas/6471010']) {
      const response = await fetch(url(path), { headers: { cookie } });
      expect(response.headers.get('cache-control'), path).toBe('private, no-store');
    }
  });

  it('sends the signed-in back to a same-origin path only, and never answers 500 for a hostile next', async () => {
    const cookie = cookieOf(await signIn('lurah-baru-ilir', DEMO_PASSWORD));
    const hostile = ['/%09/evil.example', '//evil.example', '/%5Cevil.example', '/%0a', '/%0d%0aSet-Cookie:%20a=b', '/%E2%80%A8', '/%C3%A9', 'https://evil.example', '/%2509/evil.example'];
    for (const next of hostile) {
      const signedIn = await fetch(url(`/masuk?next=${next}`), { headers: { cookie }, redirect: 'manual' });
      expect(signedIn.status, next).toBe(307);
      const location = new URL(signedIn.headers.get('location') ?? '', server.baseUrl);
      expect(location.origin, next).toBe(server.baseUrl);
      expect(location.pathname, next).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
      const signedOut = await fetch(url(`/masuk?next=${next}`), { redirect: 'manual' });
      expect(signedOut.status, next).toBe(200);
      expect(await signedOut.text()).not.toMatch(/name="next"[^>]*evil/);
    }
    const local = await fetch(url('/masuk?next=%2Fpetugas%3Fq%3DDamai'), { headers: { cookie }, redirect: 'manual' });
    expect(local.headers.get('location')).toMatch(/\/petugas\?q=Damai$/);
  });

  it('refuses a server action posted from another origin with 403, not 500', async () => {
    const action = (origin: string) =>
      fetch(url('/masuk'), { method: 'POST', headers: { origin, 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' }, body: '[]' });
    const foreign = await action('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await action(server.baseUrl)).status).not.toBe(403);
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
